package dev.usersession.security;

import dev.usersession.AccessDeniedException;
import dev.usersession.NotLoggedInException;
import dev.usersession.RequiresLogin;
import dev.usersession.context.UnitOfWork;
import dev.usersession.context.UserSessionManager;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Enforces {@link RequiresLogin}, with the roles of the binding the container applied (see
 * {@link AppliedRequiresLogin}); a call whose binding cannot be told is refused.
 */
@RequiresLogin
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class RequiresLoginInterceptor implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    UserSessionManager sessions;

    /** Checks the caller, then calls the method. */
    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        UnitOfWork unitOfWork = sessions.current();
        if (unitOfWork == null) {
            throw new NotLoggedInException(describe(invocation) + " needs a logged-in user");
        }
        String[] roles = requiredRoles(invocation);
        if (roles.length > 0 && Arrays.stream(roles).noneMatch(unitOfWork.session().groups()::contains)) {
            throw new AccessDeniedException(describe(invocation) + " needs one of the roles "
                    + Arrays.toString(roles));
        }
        return invocation.proceed();
    }

    private static String[] requiredRoles(InvocationContext invocation) {
        RequiresLogin applied = AppliedRequiresLogin.of(invocation);
        if (applied == null) {
            throw new AccessDeniedException(describe(invocation) + " is refused: the server did not say which "
                    + "@RequiresLogin applies to it");
        }
        return applied.roles();
    }

    private static String describe(InvocationContext invocation) {
        return invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
    }
}
