package dev.usersession.internal.security;

import dev.usersession.SessionProofs;
import dev.usersession.admin.AuditEvent;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.request.CsrfProtection;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * The message context the library gives the application's other mechanism (OpenID Connect, a form, Basic on pages):
 * when that mechanism logs a caller in, a library session is opened for the caller (its cookie, timeouts, session
 * list and {@code @UserSession} state; the proofs the application says the mechanism made, {@link
 * OtherMechanismSessions})
 * and the container is told, as for a login through the library; later requests carry the session cookie. A user with
 * one-time codes gets no library session this way unless the mechanism vouched for two factors.
 */
final class SessionOpeningContext extends HttpMessageContextWrapper {

    private final SessionLogin login;
    private final OtherMechanismSessions otherMechanismSessions;
    private final CsrfProtection csrf;
    private final AuditTrail audit;

    SessionOpeningContext(
            HttpMessageContext wrapped,
            SessionLogin login,
            OtherMechanismSessions otherMechanismSessions,
            CsrfProtection csrf,
            AuditTrail audit) {
        super(wrapped);
        this.login = login;
        this.otherMechanismSessions = otherMechanismSessions;
        this.csrf = csrf;
        this.audit = audit;
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(String callerName, Set<String> groups) {
        if (!csrf.allows(getRequest(), null)) {
            // A state-changing request from another site carried the other mechanism's credential (Basic, its
            // session): it is that mechanism's alone, and gets no library session (whose CSRF check it would pass).
            return getWrapped().notifyContainerAboutLogin(callerName, groups);
        }
        Optional<SessionProofs> proofs = otherMechanismSessions.proofsOf(callerName, getRequest());
        if (proofs.isEmpty()) {
            // A user who turned on two factors, and the other mechanism vouched for one at most: no library session
            // (only this request is authenticated, by that mechanism).
            audit.record(AuditEvent.Type.SECOND_FACTOR_BYPASS_REFUSED, callerName, null, "other mechanism");
            return getWrapped().notifyContainerAboutLogin(callerName, groups);
        }
        // What the other mechanism proved, as the application tells (OtherMechanismProofs); without that nothing is
        // recorded, so that the session is never "recent".
        return login.establish(
                getRequest(),
                getResponse(),
                getWrapped(),
                callerName,
                groups == null ? Set.of() : groups,
                proofs.get(),
                () -> true,
                "other mechanism");
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
