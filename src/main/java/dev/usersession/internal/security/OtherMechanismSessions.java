package dev.usersession.internal.security;

import dev.usersession.AssuranceLevel;
import dev.usersession.SessionProofs;
import dev.usersession.UserSessionClock;
import dev.usersession.auth.OtherMechanismProofs;
import dev.usersession.internal.onetimecode.OneTimeCodeFactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one rule for library sessions of callers that another mechanism authenticated ({@link SessionOpeningContext},
 * {@link CallerSessions}): the session records what the application says that mechanism proved
 * ({@link OtherMechanismProofs}, else nothing), and a user who has a second factor gets a session only when the
 * mechanism vouched for two factors. A password alone, through whichever door, never opens a session of such a user.
 */
@ApplicationScoped
public class OtherMechanismSessions {

    private static final Logger LOG = Logger.getLogger(OtherMechanismSessions.class.getName());

    @Inject
    Instance<OtherMechanismProofs> vouchers;

    @Inject
    OneTimeCodeFactor oneTimeCodes;

    @Inject
    UserSessionClock clock;

    /** @return the proofs to record in the caller's new session, or empty when the caller gets no session */
    public Optional<SessionProofs> proofsOf(String callerName, HttpServletRequest request) {
        SessionProofs proofs = vouched(callerName, request);
        if (!proofs.level().satisfies(AssuranceLevel.AAL2) && oneTimeCodes.isEnabled(callerName)) {
            return Optional.empty();
        }
        return Optional.of(proofs);
    }

    /** @return whether a live session of the caller may serve this request: it reached two factors if the user has */
    public boolean mayContinue(String callerName, SessionProofs sessionProofs) {
        return sessionProofs.level().satisfies(AssuranceLevel.AAL2) || !oneTimeCodes.isEnabled(callerName);
    }

    private SessionProofs vouched(String callerName, HttpServletRequest request) {
        if (!vouchers.isResolvable()) {
            return SessionProofs.NONE;
        }
        try (Instance.Handle<OtherMechanismProofs> voucher = vouchers.getHandle()) { // a @Dependent bean is destroyed
            SessionProofs proofs = voucher.get().of(callerName, request);
            return proofs == null ? SessionProofs.NONE : notAfter(proofs, clock.now());
        } catch (RuntimeException e) {
            // Fails closed: what the mechanism proved cannot be told, so it proved nothing.
            LOG.log(
                    Level.WARNING,
                    "The application's OtherMechanismProofs failed for a caller; the session records " + "no proof",
                    e);
            return SessionProofs.NONE;
        }
    }

    /** @return the proofs with any time after {@code now} moved back to it (a proof cannot be younger than now) */
    private static SessionProofs notAfter(SessionProofs proofs, Instant now) {
        return new SessionProofs(
                notAfter(proofs.passwordAt(), now),
                notAfter(proofs.oneTimeCodeAt(), now),
                notAfter(proofs.passkeyAt(), now),
                proofs.level());
    }

    private static Instant notAfter(Instant at, Instant now) {
        return at == null || !at.isAfter(now) ? at : now;
    }
}
