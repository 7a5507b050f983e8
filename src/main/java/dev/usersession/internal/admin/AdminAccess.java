package dev.usersession.internal.admin;

import dev.usersession.AssuranceLevel;
import dev.usersession.SessionProofs;
import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.UserSessionStoreException;
import dev.usersession.auth.AccessDeniedException;
import dev.usersession.auth.NotLoggedInException;
import dev.usersession.auth.ReauthenticationRequiredException;
import dev.usersession.auth.SecondFactorRequiredException;
import dev.usersession.internal.context.UnitOfWork;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.internal.onetimecode.OneTimeCodeFactor;
import dev.usersession.internal.security.CallerGroups;
import dev.usersession.spi.SessionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one check before every administration call ({@code UserSessionAdmin}, and so {@code /usersession/admin}), in
 * this order:
 * <ol>
 *   <li>a library session, else {@link NotLoggedInException} (401 {@code not_logged_in});</li>
 *   <li>the group {@code usersession.admin.role} in the identity stores' answer for the caller now
 *   ({@link CallerGroups}), not in the groups the session copied at login, else {@link AccessDeniedException}
 *   (403): a group removed in the store refuses the next call. When a store cannot answer, the call is refused:
 *   the library's own account table answers 503 ({@link UserSessionStoreException}), an application's store that
 *   throws 403 (logged with its cause);</li>
 *   <li>a proof of identity within {@code usersession.admin.recent}, else {@link ReauthenticationRequiredException}
 *   (401 {@code reauthentication_required}): a session restored by "keep me signed in" or opened for another
 *   mechanism's caller records no proof and is refused until the administrator proves who they are again;</li>
 *   <li>for an administrator with one-time codes, a session at AAL2 whose second factor (a code or a passkey) was
 *   proved within the same window, else {@link SecondFactorRequiredException} (401
 *   {@code second_factor_required}).</li>
 * </ol>
 */
@ApplicationScoped
public class AdminAccess {

    private static final Logger LOG = Logger.getLogger(AdminAccess.class.getName());

    @Inject
    UserSessionManager sessions;

    @Inject
    CallerGroups callerGroups;

    @Inject
    OneTimeCodeFactor oneTimeCodes;

    @Inject
    UserSessionConfig config;

    @Inject
    UserSessionClock clock;

    /**
     * Checks the current caller as above.
     *
     * @return the administrator's user name
     */
    public String require() {
        UnitOfWork unitOfWork = sessions.current();
        if (unitOfWork == null) {
            throw new NotLoggedInException("The administration of sessions needs a logged-in administrator");
        }
        SessionRecord caller = unitOfWork.session();
        String admin = caller.userName();
        if (!currentGroups(admin).contains(config.adminRole())) {
            throw new AccessDeniedException("The administration of sessions needs the group " + config.adminRole());
        }
        SessionProofs proofs = caller.proofs();
        Duration window = config.adminRecent();
        Instant now = clock.now();
        if (!proofs.provedWithin(window, now)) {
            throw new ReauthenticationRequiredException(
                    "The administration of sessions needs a proof of identity " + "from the last " + window);
        }
        if (!proofs.levelWithin(window, now).satisfies(AssuranceLevel.AAL2) && oneTimeCodes.isEnabled(admin)) {
            throw new SecondFactorRequiredException(
                    "The administration of sessions needs a second factor proved " + "in the last " + window);
        }
        return admin;
    }

    /** @return the caller's groups as the identity stores answer now; none when the account is gone or disabled */
    private Set<String> currentGroups(String userName) {
        Optional<Set<String>> groups;
        try {
            groups = callerGroups.of(userName);
        } catch (UserSessionStoreException e) {
            throw e; // the library's account table failed: 503, retry later
        } catch (RuntimeException e) {
            // An application's store that cannot answer grants nothing: the administrator is refused, not let in.
            LOG.log(
                    Level.WARNING,
                    "An identity store failed to give the groups of an administrator; the "
                            + "administration call is refused",
                    e);
            throw new AccessDeniedException("The administration of sessions is refused: the identity store did "
                    + "not answer for the caller's groups");
        }
        return groups.orElse(Set.of());
    }
}
