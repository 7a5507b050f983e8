package dev.usersession.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.usersession.testing.LibraryClasses;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API, listed: every public type of the public packages with its public and protected members, compared
 * with {@code src/test/resources/api/public-api.txt}. A change of the API fails this test until the list changes in
 * the same commit, so every API change is visible in review. After a deliberate change, run the test with
 * {@code -Dusersession.api.update=true} to write the new list, and read its diff.
 */
class PublicApiTest {

    private static final Path LIST = Path.of("src/test/resources/api/public-api.txt");

    @Test
    void thePublicApiIsTheListedOne() throws IOException {
        String current = describe();
        if (Boolean.getBoolean("usersession.api.update")) {
            Files.createDirectories(LIST.getParent());
            Files.writeString(LIST, current, StandardCharsets.UTF_8);
        }
        assertEquals(
                Files.readString(LIST, StandardCharsets.UTF_8),
                current,
                "The public API changed: if that is meant, run with -Dusersession.api.update=true and commit the list");
    }

    static String describe() {
        Set<String> publicPackages = Set.of(LayeringTest.PUBLIC_PACKAGES);
        List<Class<?>> types = LibraryClasses.all().stream()
                .filter(type -> publicPackages.contains(type.getPackageName()))
                .filter(PublicApiTest::visible)
                .toList();
        StringBuilder out = new StringBuilder();
        for (Class<?> type : types) {
            out.append(header(type)).append('\n');
            members(type).forEach(member -> out.append("    ").append(member).append('\n'));
        }
        return out.toString();
    }

    private static boolean visible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static String header(Class<?> type) {
        String kind = type.isAnnotation()
                ? "@interface"
                : type.isInterface() ? "interface" : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
        int modifiers = type.getModifiers() & ~(Modifier.INTERFACE | Modifier.ABSTRACT * (type.isInterface() ? 1 : 0));
        StringBuilder header = new StringBuilder(Modifier.toString(modifiers))
                .append(' ')
                .append(kind)
                .append(' ')
                .append(type.getTypeName());
        if (type.getGenericSuperclass() != null
                && type.getSuperclass() != Object.class
                && !type.isEnum()
                && !type.isRecord()) {
            header.append(" extends ").append(type.getGenericSuperclass().getTypeName());
        }
        if (type.getGenericInterfaces().length > 0 && !type.isAnnotation()) {
            header.append(type.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(type.getGenericInterfaces())
                            .map(java.lang.reflect.Type::getTypeName)
                            .collect(Collectors.joining(", ")));
        }
        Arrays.stream(type.getDeclaredAnnotations())
                .filter(annotation ->
                        annotation.annotationType().isAnnotationPresent(java.lang.annotation.Documented.class))
                .map(annotation -> "@" + annotation.annotationType().getName())
                .sorted()
                .forEach(annotation -> header.insert(0, annotation + " "));
        return header.toString();
    }

    private static Stream<String> members(Class<?> type) {
        List<Member> members = new ArrayList<>();
        members.addAll(Arrays.asList(type.getDeclaredConstructors()));
        members.addAll(Arrays.asList(type.getDeclaredMethods()));
        members.addAll(Arrays.asList(type.getDeclaredFields()));
        return members.stream()
                .filter(member -> !member.isSynthetic())
                .filter(member -> Modifier.isPublic(member.getModifiers())
                        || Modifier.isProtected(member.getModifiers()) && !Modifier.isFinal(type.getModifiers()))
                .filter(member -> !(type.isEnum() && member instanceof Method method && isEnumBoilerplate(method)))
                .map(PublicApiTest::signature)
                .sorted();
    }

    private static boolean isEnumBoilerplate(Method method) {
        return method.getName().equals("values") && method.getParameterCount() == 0
                || method.getName().equals("valueOf") && method.getParameterCount() == 1;
    }

    private static String signature(Member member) {
        if (member instanceof Method method) {
            String signature = method.toGenericString();
            return method.getDefaultValue() == null
                    ? signature
                    : signature + " default " + shown(method.getDefaultValue());
        }
        if (member instanceof Constructor<?> constructor) {
            return constructor.toGenericString();
        }
        return ((Field) member).toGenericString();
    }

    /** @return an annotation element's default as its source would write it (an array's elements, not its identity) */
    private static String shown(Object value) {
        if (!value.getClass().isArray()) {
            if (value instanceof String text) {
                return "\"" + text + "\"";
            }
            return value instanceof Class<?> type ? type.getName() + ".class" : String.valueOf(value);
        }
        return IntStream.range(0, Array.getLength(value))
                .mapToObj(i -> shown(Array.get(value, i)))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
