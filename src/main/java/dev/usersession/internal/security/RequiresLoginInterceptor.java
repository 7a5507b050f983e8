package dev.usersession.internal.security;

import dev.usersession.AssuranceLevel;
import dev.usersession.SessionProofs;
import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.auth.AccessDeniedException;
import dev.usersession.auth.DeviceBindingRequiredException;
import dev.usersession.auth.NotLoggedInException;
import dev.usersession.auth.ReauthenticationRequiredException;
import dev.usersession.auth.RequiresLogin;
import dev.usersession.auth.SecondFactorRequiredException;
import dev.usersession.internal.context.RecentLogin;
import dev.usersession.internal.context.UnitOfWork;
import dev.usersession.internal.context.UserSessionManager;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;

/**
 * Enforces {@link RequiresLogin}, with the roles, level and recency of the binding the container applied (see
 * {@link AppliedRequiresLogin}); a call whose binding cannot be told is refused.
 */
@RequiresLogin
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class RequiresLoginInterceptor implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    UserSessionManager sessions;

    @Inject
    UserSessionClock clock;

    @Inject
    UserSessionConfig config;

    /** Checks the caller, then calls the method. */
    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        UnitOfWork unitOfWork = sessions.current();
        if (unitOfWork == null) {
            throw new NotLoggedInException(describe(invocation) + " needs a logged-in user");
        }
        RequiresLogin applied = applied(invocation);
        String[] roles = applied.roles();
        if (roles.length > 0
                && Arrays.stream(roles).noneMatch(unitOfWork.session().groups()::contains)) {
            throw new AccessDeniedException(describe(invocation) + " needs one of the roles " + Arrays.toString(roles));
        }
        SessionProofs proofs = unitOfWork.session().proofs();
        if (!proofs.level().satisfies(applied.level())) {
            throw new SecondFactorRequiredException(describe(invocation) + " needs a login at " + applied.level());
        }
        if (applied.level() != AssuranceLevel.AAL1
                && config.deviceBinding() == UserSessionConfig.DeviceBindingMode.REQUIRED_FOR_LEVEL
                && !unitOfWork.session().binding().isBound()) {
            throw new DeviceBindingRequiredException(
                    describe(invocation) + " needs a session bound to its browser's key");
        }
        if (!applied.recent().isEmpty()) {
            Duration maxAge = RecentLogin.parse(applied.recent())
                    .orElseThrow(() -> new AccessDeniedException(
                            describe(invocation) + " is refused: its @RequiresLogin(recent = \"" + applied.recent()
                                    + "\") is not a positive ISO-8601 duration"));
            if (!proofs.provedWithin(maxAge, clock.now())) {
                throw new ReauthenticationRequiredException(
                        describe(invocation) + " needs a proof of the user's " + "identity from the last " + maxAge);
            }
            if (!proofs.levelWithin(maxAge, clock.now()).satisfies(applied.level())) {
                // A fresh password on a session that reached AAL2 long ago: the second factor must be recent too.
                throw new SecondFactorRequiredException(
                        describe(invocation) + " needs a second factor from the last " + maxAge);
            }
        }
        return invocation.proceed();
    }

    private static RequiresLogin applied(InvocationContext invocation) {
        RequiresLogin applied = AppliedRequiresLogin.of(invocation);
        if (applied == null) {
            throw new AccessDeniedException(describe(invocation) + " is refused: the server did not say which "
                    + "@RequiresLogin applies to it");
        }
        return applied;
    }

    private static String describe(InvocationContext invocation) {
        return invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                + invocation.getMethod().getName();
    }
}
