package dev.usersession.internal.context;

import dev.usersession.ReadOnly;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;

/**
 * How the library learns that a unit of work used a {@code @UserSession} bean (only used beans are compared and
 * written at its end). Chosen per bean class at deployment from its {@link ReadOnly} annotations.
 */
enum UsageTracking {

    /** The class is {@code @ReadOnly} as a whole: no call marks it used, so it is never written. */
    NONE,

    /**
     * Some methods are {@code @ReadOnly}, others not: the {@link UsageTrackingInterceptor} is bound to the others and
     * marks the bean when one of them is called.
     */
    BY_INTERCEPTOR,

    /**
     * No method is {@code @ReadOnly}: any call uses the bean, and every call through the client proxy asks the context
     * for the instance, so the context marks it there. No interceptor is bound; an interceptor invocation costs
     * several times what the context's mark costs (see BENCHMARKS.md).
     */
    BY_CONTEXT;

    /** @return how calls on beans of this class are tracked */
    static UsageTracking of(AnnotatedType<?> type) {
        if (type.isAnnotationPresent(ReadOnly.class)) {
            return NONE;
        }
        return type.getMethods().stream().anyMatch(UsageTracking::isReadOnly) ? BY_INTERCEPTOR : BY_CONTEXT;
    }

    /** @return whether calls of this method leave the bean unused */
    static boolean isReadOnly(AnnotatedMethod<?> method) {
        return method.isAnnotationPresent(ReadOnly.class);
    }
}
