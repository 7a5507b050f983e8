package dev.usersession.internal.security;

import dev.usersession.internal.errors.ErrorResponses;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.request.RequestAttributes;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How the mechanism refuses a request without authenticating it. A mechanism's own failure answer
 * ({@code SEND_FAILURE}) would be replaced by the container's error page (WildFly's HTML page), so the request goes on
 * anonymous with the failure noted ({@link RequestAttributes#refusal}) and the library's filter, the first of the
 * application's, answers it before the application runs. On a resource the container itself protects no filter runs:
 * the mechanism answers there, and the container's page may replace the body (the status stays).
 */
public final class Refusals {

    private Refusals() {}

    /** @return the status that leaves the refused request unauthenticated, with its answer on its way */
    static AuthenticationStatus refuse(
            ErrorResponses errors,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context,
            Failure failure) {
        if (context.isProtected()) {
            errors.write(request, response, failure);
            return AuthenticationStatus.SEND_FAILURE;
        }
        noteForFilter(request, failure);
        return context.doNothing();
    }

    /** Notes the answer the library's filter gives the request (the caller decides the mechanism's status). */
    static void noteForFilter(HttpServletRequest request, Failure failure) {
        request.setAttribute(RequestAttributes.REFUSAL, failure);
    }
}
