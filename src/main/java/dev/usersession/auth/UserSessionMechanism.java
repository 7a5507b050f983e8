package dev.usersession.auth;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the library's Jakarta Security authentication mechanism (the session cookie, its login endpoints and
 * "keep me signed in"), so that an application with other mechanisms can inject it into a handler of its own:
 *
 * <pre>{@code
 * @Alternative @Priority(Interceptor.Priority.APPLICATION) @ApplicationScoped
 * public class MyMechanisms implements HttpAuthenticationMechanismHandler {
 *     @Inject @UserSessionMechanism HttpAuthenticationMechanism sessions;
 *     @Inject @BasicAuthenticationMechanismDefinition.BasicAuthenticationMechanism HttpAuthenticationMechanism basic;
 *     ...
 * }
 * }</pre>
 *
 * Without such a handler the library's own ({@code UserSessionMechanismHandler}) decides, by the settings
 * {@code usersession.mechanism.enabled} and {@code usersession.mechanism.other-paths}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface UserSessionMechanism {

    /** The qualifier as a value. */
    final class Literal extends jakarta.enterprise.util.AnnotationLiteral<UserSessionMechanism>
            implements UserSessionMechanism {
        private static final long serialVersionUID = 1L;

        /** The one instance. */
        public static final Literal INSTANCE = new Literal();
    }
}
