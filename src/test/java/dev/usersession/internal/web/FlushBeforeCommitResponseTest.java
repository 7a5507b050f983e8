package dev.usersession.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletResponseWrapper;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every method of the Servlet API's response wrapper that can commit a response is guarded: a method it does not
 * override would reach the container without the state being written first (Servlet 6.1 added three
 * {@code sendRedirect} overloads that a wrapper written for 6.0 passes straight through).
 */
class FlushBeforeCommitResponseTest {

    private static final Set<String> COMMITTING = Set.of(
            "sendRedirect",
            "sendError",
            "flushBuffer",
            "setContentLength",
            "setContentLengthLong",
            "getOutputStream",
            "getWriter",
            "setHeader",
            "addHeader",
            "setIntHeader",
            "addIntHeader");

    @Test
    void everyMethodThatCanCommitTheResponseIsGuarded() {
        List<String> unguarded = Arrays.stream(HttpServletResponseWrapper.class.getMethods())
                .filter(method -> COMMITTING.contains(method.getName()))
                .filter(method -> !declaredByGuard(method))
                .map(Method::toString)
                .collect(Collectors.toList());
        assertEquals(List.of(), unguarded);
    }

    @Test
    void theGuardCannotBeOverridden() {
        assertTrue(Modifier.isFinal(FlushBeforeCommitResponse.class.getModifiers()));
    }

    private static boolean declaredByGuard(Method method) {
        try {
            return FlushBeforeCommitResponse.class.getDeclaredMethod(method.getName(), method.getParameterTypes())
                    != null;
        } catch (NoSuchMethodException notOverridden) {
            return false;
        }
    }
}
