package dev.usersession.security;

import dev.usersession.EndReason;
import dev.usersession.IssuedSession;
import dev.usersession.SessionLimitReachedException;
import dev.usersession.UserSessions;
import dev.usersession.context.UserSessionManager;
import dev.usersession.spi.SessionRecord;
import dev.usersession.spi.UserSessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Logs in and out. A login checks the credential with the application's identity stores (through the container's
 * {@link IdentityStoreHandler}), then issues a new token: a re-login of the same user renews the session (its state
 * moves to the new token), any other token presented is ended, and the container's own session id changes too, so no
 * token from before the login stays valid. A logout deletes the session row and clears the cookie.
 */
@ApplicationScoped
public class SessionLogin {

    private static final int CLIENT_DESCRIPTION_LENGTH = 500;

    @Inject
    Instance<IdentityStoreHandler> identityStores;

    @Inject
    UserSessions sessions;

    @Inject
    UserSessionStore store;

    @Inject
    UserSessionManager manager;

    @Inject
    SessionCookie cookie;

    AuthenticationStatus login(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context,
            Credential credential) {
        LoginRefusal.takeRetryAfter();
        CredentialValidationResult result = identityStores.get().validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            LoginRefusal.takeRetryAfter().ifPresent(wait -> request.setAttribute(RequestAttributes.RETRY_AFTER, wait));
            return AuthenticationStatus.SEND_FAILURE;
        }
        String userName = result.getCallerPrincipal().getName();
        PresentedToken previous = cookie.read(request);
        IssuedSession issued;
        try {
            issued = previous.kind() == PresentedToken.Kind.WELL_FORMED
                    ? sessions.renew(previous.sessionId(), userName, result.getCallerGroups(), client(request))
                    : sessions.open(userName, result.getCallerGroups(), client(request));
        } catch (SessionLimitReachedException e) {
            request.setAttribute(RequestAttributes.SESSION_LIMIT, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        Optional<SessionRecord> stored = store.find(issued.session().id());
        if (stored.isEmpty()) { // a parallel login of the same user ended it at once (session cap)
            request.setAttribute(RequestAttributes.SESSION_LIMIT, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        cookie.set(response, issued.token());
        HttpSession containerSession = request.getSession(false);
        if (containerSession != null) {
            request.changeSessionId();
        }
        manager.discardIfBound();
        manager.begin(stored.get());
        request.setAttribute(RequestAttributes.TOKEN, issued.token());
        return context.notifyContainerAboutLogin(userName, result.getCallerGroups());
    }

    void logout(HttpServletRequest request, HttpServletResponse response) {
        PresentedToken presented = cookie.read(request);
        manager.discardIfBound();
        if (presented.kind() == PresentedToken.Kind.WELL_FORMED) {
            sessions.end(presented.sessionId(), EndReason.LOGOUT);
        }
        if (presented.fromCookie()) {
            cookie.clear(response);
        }
        request.removeAttribute(RequestAttributes.TOKEN);
    }

    private static String client(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        String description = (agent == null ? "unknown client" : agent) + " from " + request.getRemoteAddr();
        return description.length() <= CLIENT_DESCRIPTION_LENGTH ? description
                : description.substring(0, CLIENT_DESCRIPTION_LENGTH);
    }
}
