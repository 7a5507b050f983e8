package dev.usersession.internal.security;

import dev.usersession.auth.RequiresLogin;
import jakarta.interceptor.InvocationContext;
import java.util.List;
import java.util.Set;

/**
 * Finds the {@link RequiresLogin} that the container applied to an intercepted call: the method's own, else the one
 * of its bean class (declared there, inherited, or brought by a stereotype). It asks the container rather than reading
 * annotations itself, so that it sees exactly what bound the interceptor: through CDI 4.1's
 * {@link InvocationContext#getInterceptorBindings()} (Payara 7), or, where the Interceptors API predates it (WildFly
 * 39 ships CDI 4.0), through the bindings that Weld puts in the invocation's context data.
 */
final class AppliedRequiresLogin {

    /** Where Weld (3 and later) puts an invocation's interceptor bindings in its context data. */
    private static final String WELD_BINDINGS = "org.jboss.weld.interceptor.bindings";

    private static final boolean INTERCEPTORS_API_NAMES_BINDINGS = declaresGetInterceptorBindings();

    private AppliedRequiresLogin() {}

    /** @return the applied binding, or {@code null} when the container does not say which one applies */
    static RequiresLogin of(InvocationContext invocation) {
        List<RequiresLogin> applied =
                INTERCEPTORS_API_NAMES_BINDINGS ? ofType(invocation.getInterceptorBindings()) : List.of();
        if (applied.isEmpty()) {
            applied = ofType(invocation.getContextData().get(WELD_BINDINGS));
        }
        return applied.size() == 1 ? applied.get(0) : null;
    }

    private static List<RequiresLogin> ofType(Object bindings) {
        if (!(bindings instanceof Set<?> set)) {
            return List.of();
        }
        return set.stream()
                .filter(RequiresLogin.class::isInstance)
                .map(RequiresLogin.class::cast)
                .toList();
    }

    private static boolean declaresGetInterceptorBindings() {
        try {
            InvocationContext.class.getMethod("getInterceptorBindings");
            return true;
        } catch (NoSuchMethodException interceptorsApiBefore22) {
            return false;
        }
    }
}
