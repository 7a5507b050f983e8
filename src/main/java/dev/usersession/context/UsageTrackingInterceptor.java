package dev.usersession.context;

import dev.usersession.ReadOnly;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records that the current unit of work used a {@code @UserSession} bean, unless the called method (or its class) is
 * {@link ReadOnly}; only used beans are compared and written at the end of the unit of work.
 */
@TrackUsage
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class UsageTrackingInterceptor implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Map<Method, Boolean> READ_ONLY = new ConcurrentHashMap<>();

    /** Marks the target used, then calls the method. */
    @AroundInvoke
    public Object track(InvocationContext invocation) throws Exception {
        if (!READ_ONLY.computeIfAbsent(invocation.getMethod(), UsageTrackingInterceptor::isReadOnly)) {
            CurrentUnitOfWork.markUsed(invocation.getTarget());
        }
        return invocation.proceed();
    }

    private static boolean isReadOnly(Method method) {
        return method.isAnnotationPresent(ReadOnly.class)
                || method.getDeclaringClass().isAnnotationPresent(ReadOnly.class);
    }
}
