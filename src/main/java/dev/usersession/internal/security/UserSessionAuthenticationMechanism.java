package dev.usersession.internal.security;

import dev.usersession.auth.UserSessionMechanism;
import dev.usersession.internal.errors.ErrorResponses;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.rememberme.RememberMe;
import dev.usersession.internal.request.RequestAttributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Jakarta Security authentication mechanism of usersession. A request that carries a credential (a login through
 * {@code SecurityContext.authenticate}, which the library's login endpoint also uses) is a login; any other request
 * is authenticated by its session token. {@code HttpServletRequest.logout()} ends the session. A failure of the
 * library's own store (a database that cannot be reached) answers 503, never 500; any other exception, such as one of
 * an application's own identity store, is left to the container. Qualified {@link UserSessionMechanism} (not
 * {@code @Default}), so that it combines with the application's own mechanisms ({@link UserSessionMechanismHandler}).
 */
@ApplicationScoped
@UserSessionMechanism
public class UserSessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    SessionLogin login;

    @Inject
    SessionAuthentication sessionAuthentication;

    @Inject
    ErrorResponses errors;

    @Inject
    SessionCookie cookie;

    @Inject
    RememberMe rememberMe;

    /**
     * @return whether this mechanism has something to go on for the request (a login with a credential, a login
     *     endpoint, a session token, a "keep me signed in" cookie), looked at without any query; when not, another
     *     mechanism of the application may authenticate the caller
     */
    public boolean claims(HttpServletRequest request, HttpMessageContext context) {
        return context.getAuthParameters() != null
                        && context.getAuthParameters().getCredential() != null
                || SessionAuthentication.isLoginEndpoint(request)
                || cookie.read(request).kind() != PresentedToken.Kind.NONE
                || rememberMe.presented(request);
    }

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters() == null
                ? null
                : context.getAuthParameters().getCredential();
        try {
            return credential != null
                    ? login.login(request, response, context, credential)
                    : sessionAuthentication.authenticate(request, response, context);
        } catch (RuntimeException e) {
            if (!Failure.isStoreFailure(e)) {
                throw e;
            }
            Failure failure = Failure.reported(e, request.getRequestURI());
            request.setAttribute(RequestAttributes.UNAVAILABLE, Boolean.TRUE);
            // A login is answered by its endpoint; any other request gets the 503 without being authenticated.
            return credential != null
                    ? AuthenticationStatus.SEND_FAILURE
                    : Refusals.refuse(errors, request, response, context, failure);
        }
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        login.logout(request, response);
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
