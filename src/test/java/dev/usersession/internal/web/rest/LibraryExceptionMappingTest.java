package dev.usersession.internal.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessionFailure;
import dev.usersession.internal.errors.Failure;
import dev.usersession.testing.LibraryClasses;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public exception of the library that an application can receive is answered by a shipped Jakarta REST mapper
 * and stands for an entry of {@link Failure}: the classes are read from the library's compiled classes, so a new
 * exception without a mapping fails here.
 */
class LibraryExceptionMappingTest {

    /** Public exceptions that never reach an application, and why. */
    private static final Map<String, String> NEVER_THROWN_AT_APPLICATIONS = Map.of(
            "dev.usersession.internal.passkey.PasskeyException",
            "PasskeyFactor turns it into a FactorRefusedException before it leaves the library",
            "dev.usersession.internal.state.InvalidBeanStateException",
            "a deployment error (a @UserSession bean whose state cannot be stored), never thrown at a request");

    /** Where the implementation lives; every other package of the library is public. */
    private static final String INTERNAL_PACKAGES = "dev.usersession.internal";

    @Test
    void everyPublicLibraryExceptionHasAMapperAndAFailure() throws Exception {
        List<Class<?>> classes = LibraryClasses.all();
        List<Class<?>> mapped = mappedTypes(classes);
        List<Class<?>> exceptions = classes.stream()
                .filter(Throwable.class::isAssignableFrom)
                .filter(type -> Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()))
                .filter(type -> !NEVER_THROWN_AT_APPLICATIONS.containsKey(type.getName()))
                .toList();

        assertTrue(exceptions.size() >= 12, "found the library's exceptions: " + exceptions);
        for (Class<?> exception : exceptions) {
            assertTrue(
                    mapped.stream().anyMatch(type -> type.isAssignableFrom(exception)),
                    exception.getName() + " has no exception mapper in " + FailureMapper.class.getPackageName());
            assertNotNull(Failure.of(instanceOf(exception)), exception.getName() + " stands for no Failure");
        }
    }

    @Test
    void everyPublicExceptionCarriesAnErrorCodeThatTheCatalogueAndAMapperAnswer() throws Exception {
        List<Class<?>> classes = LibraryClasses.all();
        List<Class<?>> mapped = mappedTypes(classes);
        List<Class<?>> publicExceptions = classes.stream()
                .filter(type -> !type.getPackageName().startsWith(INTERNAL_PACKAGES))
                .filter(type ->
                        Throwable.class.isAssignableFrom(type) || UserSessionFailure.class.isAssignableFrom(type))
                .toList();

        assertTrue(publicExceptions.size() >= 14, "found the public exceptions: " + publicExceptions);
        for (Class<?> exception : publicExceptions) {
            assertTrue(
                    UserSessionFailure.class.isAssignableFrom(exception),
                    exception.getName()
                            + " carries no error code: extend UserSessionException, or implement UserSessionFailure");
            if (exception.isInterface() || Modifier.isAbstract(exception.getModifiers())) {
                continue;
            }
            assertTrue(
                    mapped.stream().anyMatch(type -> type.isAssignableFrom(exception)),
                    exception.getName() + " has no exception mapper in " + FailureMapper.class.getPackageName());
            for (Throwable instance : everyInstanceOf(exception)) {
                String code = ((UserSessionFailure) instance).errorCode();
                assertTrue(code != null && !code.isBlank(), exception.getName() + " has no error code");
                Failure failure = Failure.of(instance);
                assertNotNull(failure, exception.getName() + "'s code " + code + " stands for no Failure");
                assertEquals(code, failure.code(), exception.getName() + " is answered with another code");
            }
        }
    }

    @Test
    void theExceptionsKnownNeverToReachAnApplicationStillExist() throws Exception {
        List<String> names = LibraryClasses.all().stream().map(Class::getName).toList();

        for (String name : NEVER_THROWN_AT_APPLICATIONS.keySet()) {
            assertTrue(names.contains(name), name + " is gone: remove it from the list");
        }
    }

    @Test
    void everyMapperAnswersAnExceptionOfTheLibrary() throws Exception {
        List<Class<?>> mapped = mappedTypes(LibraryClasses.all());

        assertFalse(mapped.isEmpty());
        for (Class<?> type : mapped) {
            assertTrue(
                    type.getName().startsWith("dev.usersession."),
                    "a mapper of the library answers only the " + "library's exceptions, never the application's: "
                            + type);
        }
        assertEquals(mapped.size(), mapped.stream().distinct().count(), "one mapper per exception: " + mapped);
    }

    private static List<Class<?>> mappedTypes(List<Class<?>> classes) {
        return classes.stream()
                .filter(type -> type.isAnnotationPresent(Provider.class))
                .filter(ExceptionMapper.class::isAssignableFrom)
                .map(type -> (Class<?>) ((ParameterizedType) type.getGenericSuperclass()).getActualTypeArguments()[0])
                .collect(Collectors.toList());
    }

    /**
     * @return instances made with the first public constructor and plain arguments, one for each constant of an enum
     *     parameter (each reason of a refused factor has its own code)
     */
    private static List<Throwable> everyInstanceOf(Class<?> exception) throws ReflectiveOperationException {
        Constructor<?> constructor = exception.getConstructors()[0];
        Class<?>[] parameters = constructor.getParameterTypes();
        List<Throwable> instances = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].isEnum()) {
                for (Object constant : parameters[i].getEnumConstants()) {
                    Object[] arguments = Stream.of(parameters)
                            .map(LibraryExceptionMappingTest::plain)
                            .toArray();
                    arguments[i] = constant;
                    instances.add((Throwable) constructor.newInstance(arguments));
                }
            }
        }
        if (instances.isEmpty()) {
            instances.add(instanceOf(exception));
        }
        return instances;
    }

    /** @return an instance made with the first public constructor and plain arguments */
    private static Throwable instanceOf(Class<?> exception) throws ReflectiveOperationException {
        Constructor<?> constructor = exception.getConstructors()[0];
        Object[] arguments = Stream.of(constructor.getParameterTypes())
                .map(LibraryExceptionMappingTest::plain)
                .toArray();
        return (Throwable) constructor.newInstance(arguments);
    }

    private static Object plain(Class<?> type) {
        if (type == String.class) {
            return "refused";
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == int.class) {
            return 1;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }
}
