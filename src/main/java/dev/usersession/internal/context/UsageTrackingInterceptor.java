package dev.usersession.internal.context;

import dev.usersession.ReadOnly;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;

/**
 * Records that the current unit of work used a {@code @UserSession} bean; only used beans are compared and written at
 * the end of the unit of work. Bound only to the methods that are not {@link ReadOnly} of beans that also have
 * read-only methods (see {@link UsageTracking}), so read-only calls are not intercepted, and beans without read-only
 * methods are marked by the context instead.
 */
@TrackUsage
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class UsageTrackingInterceptor implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Marks the target used, then calls the method. */
    @AroundInvoke
    public Object track(InvocationContext invocation) throws Exception {
        CurrentUnitOfWork.markUsed(invocation.getTarget());
        return invocation.proceed();
    }
}
