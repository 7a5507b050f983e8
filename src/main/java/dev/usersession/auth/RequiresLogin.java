package dev.usersession.auth;

import dev.usersession.AssuranceLevel;
import dev.usersession.SessionProofs;
import dev.usersession.UserSessions;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards the methods of a CDI bean (on the class: all of them): a call without a logged-in user throws
 * {@link NotLoggedInException}, and a call by a user who has none of the {@link #roles()} throws
 * {@link AccessDeniedException}. Jakarta EE enforces {@code @RolesAllowed} for enterprise beans and some REST
 * resources only; this works on any CDI bean. The caller is the user of the session bound to the current request
 * (or {@link UserSessions#runIn}), with the groups stored in that session at login.
 *
 * <p>The roles are those of the binding the container applied to the called method: the method's own
 * {@code @RequiresLogin} when it has one (it overrides the class's), else the bean class's, whether declared on it,
 * inherited from a superclass or brought by a stereotype; a method a bean inherits from an unannotated superclass is
 * guarded by the bean class's binding. When the container does not say which binding applies, the call is refused
 * with {@link AccessDeniedException}: the guard fails closed.
 *
 * <p>Sensitive actions (a password change, a checkout, ending other sessions) can also ask for a recent proof of who
 * the user is, {@code @RequiresLogin(recent = "PT5M")}, or for two factors, {@code @RequiresLogin(level = AAL2)}: a
 * stolen session cookie alone then cannot do them. See {@link SessionProofs}.
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresLogin {

    /** @return groups of which the caller must have at least one; empty means any logged-in user */
    @Nonbinding
    String[] roles() default {};

    /**
     * @return how recently the user must have proved who they are (any factor: password, one-time code, passkey), as
     *     an ISO-8601 duration such as {@code "PT5M"}; empty means any time in the session. An older proof throws
     *     {@link ReauthenticationRequiredException} (401 {@code reauthentication_required}): the page asks the user
     *     to re-authenticate ({@code POST /usersession/reauthenticate}) and tries again. A value that is not a
     *     positive duration refuses every call ({@link AccessDeniedException}) and is reported at deployment.
     */
    @Nonbinding
    String recent() default "";

    /**
     * @return the assurance level the session must have reached; a lower one throws
     *     {@link SecondFactorRequiredException} (401 {@code second_factor_required})
     */
    @Nonbinding
    AssuranceLevel level() default AssuranceLevel.AAL1;
}
