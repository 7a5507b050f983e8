package dev.usersession.security;

import dev.usersession.SessionProofs;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.security.Principal;
import java.util.Set;

/**
 * The message context the library gives the application's other mechanism (OpenID Connect, a form, Basic on pages):
 * when that mechanism logs a caller in, a library session is opened for the caller (its cookie, timeouts, session
 * list and {@code @UserSession} state; no recorded proof, so never "recent") and the container is told, as for a login
 * through the library; later requests carry the session cookie. A user with one-time codes gets no library session
 * this way: the other mechanism checked one factor at most.
 */
final class SessionOpeningContext extends HttpMessageContextWrapper {

    private final SessionLogin login;
    private final OneTimeCodeFactor oneTimeCodes;
    private final CsrfProtection csrf;

    SessionOpeningContext(HttpMessageContext wrapped, SessionLogin login, OneTimeCodeFactor oneTimeCodes,
            CsrfProtection csrf) {
        super(wrapped);
        this.login = login;
        this.oneTimeCodes = oneTimeCodes;
        this.csrf = csrf;
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(String callerName, Set<String> groups) {
        if (!csrf.allows(getRequest(), null)) {
            // A state-changing request from another site carried the other mechanism's credential (Basic, its
            // session): it is that mechanism's alone, and gets no library session (whose CSRF check it would pass).
            return getWrapped().notifyContainerAboutLogin(callerName, groups);
        }
        if (oneTimeCodes.isEnabled(callerName)) {
            // The other mechanism checked one factor at most: a user who turned on two gets no library session from
            // it (only this request is authenticated, by that mechanism).
            return getWrapped().notifyContainerAboutLogin(callerName, groups);
        }
        // Whether the other mechanism checked a credential now or restored an earlier login cannot be told: the
        // session records no proof, so that it is never "recent".
        return login.establish(getRequest(), getResponse(), getWrapped(), callerName,
                groups == null ? Set.of() : groups, SessionProofs.NONE, () -> true, "other mechanism");
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(Principal principal, Set<String> groups) {
        return notifyContainerAboutLogin(principal.getName(), groups);
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return getWrapped().notifyContainerAboutLogin(result);
        }
        return notifyContainerAboutLogin(result.getCallerPrincipal().getName(), result.getCallerGroups());
    }
}
