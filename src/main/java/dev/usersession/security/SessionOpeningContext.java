package dev.usersession.security;

import dev.usersession.AssuranceLevel;
import dev.usersession.Factor;
import dev.usersession.SessionProofs;
import dev.usersession.UserSessionClock;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.security.Principal;
import java.util.Set;

/**
 * The message context the library gives the application's other mechanism (OpenID Connect, a form, Basic on pages):
 * when that mechanism logs a caller in, a library session is opened for the caller (its cookie, timeouts, session
 * list and {@code @UserSession} state), recorded as a first-factor proof of now, and the container is told, as for a
 * login through the library. Later requests carry the session cookie and need the other mechanism no more.
 */
final class SessionOpeningContext extends HttpMessageContextWrapper {

    private final SessionLogin login;
    private final UserSessionClock clock;

    SessionOpeningContext(HttpMessageContext wrapped, SessionLogin login, UserSessionClock clock) {
        super(wrapped);
        this.login = login;
        this.clock = clock;
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(String callerName, Set<String> groups) {
        return login.establish(getRequest(), getResponse(), getWrapped(), callerName,
                groups == null ? Set.of() : groups,
                SessionProofs.of(Factor.PASSWORD, clock.now(), AssuranceLevel.AAL1), () -> true);
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
