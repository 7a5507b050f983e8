package dev.usersession.internal.security;

import dev.usersession.EndReason;
import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.auth.ReauthenticationRequiredException;
import dev.usersession.auth.SecondFactorRequiredException;
import dev.usersession.internal.context.SessionLifecycle;
import dev.usersession.internal.login.JpaLoginChallenges;
import dev.usersession.internal.onetimecode.OneTimeCodeFactor;
import dev.usersession.internal.passkey.PasskeyFactor;
import dev.usersession.internal.rememberme.RememberMe;
import dev.usersession.spi.SessionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one owner of what managing a user's factors needs and causes. Enrolling, confirming, disabling or regenerating
 * one-time codes and adding or removing passkeys need a proof within {@code usersession.factors.recent}; for an
 * account that has a second factor (one-time codes or a passkey) that proof must be a second factor, so that a stolen
 * session cookie together with a stolen password (what an infostealer takes) cannot add the thief's factor or take the
 * owner's away. Adding or removing a factor ends the user's other sessions, remembered browsers and waiting login
 * steps, and renews the current session, as a password change does.
 */
@ApplicationScoped
public class FactorChanges {

    @Inject
    OneTimeCodeFactor oneTimeCodes;

    @Inject
    PasskeyFactor passkeys;

    @Inject
    UserSessionConfig config;

    @Inject
    UserSessionClock clock;

    @Inject
    SessionLifecycle lifecycle;

    @Inject
    RememberMe rememberMe;

    @Inject
    JpaLoginChallenges pendingSteps;

    /**
     * @throws ReauthenticationRequiredException when the session proved nothing within the window
     * @throws SecondFactorRequiredException when the account has a second factor and the session proved none within
     *     the window (a password alone is not enough)
     */
    public void requireProof(SessionRecord session) {
        if (!session.proofs().provedWithin(config.factorsRecent(), clock.now())) {
            throw new ReauthenticationRequiredException(
                    "Changing a factor needs a proof of identity from the last " + config.factorsRecent());
        }
        requireSecondFactorWhereTheAccountHasOne(session);
    }

    /**
     * @throws SecondFactorRequiredException when the account has a second factor and the session proved none within
     *     {@code usersession.factors.recent}; an account without one passes (its factors are read only then)
     */
    public void requireSecondFactorWhereTheAccountHasOne(SessionRecord session) {
        if (!session.proofs().secondFactorWithin(config.factorsRecent(), clock.now())
                && hasSecondFactor(session.userName())) {
            throw new SecondFactorRequiredException("This change to an account with a second factor needs a "
                    + "one-time code, a recovery code or a passkey from the last " + config.factorsRecent());
        }
    }

    /** After a factor of the session's user was added or removed: everything else of the user ends. */
    public void changed(SessionRecord session) {
        pendingSteps.deleteAllOf(session.userName());
        rememberMe.forgetOthers(session.userName());
        lifecycle.endAllFor(session.userName(), EndReason.REVOKED, session.id());
        lifecycle.renewCurrent(session.groups());
    }

    /** @return whether the user has one-time codes or a passkey */
    public boolean hasSecondFactor(String userName) {
        return oneTimeCodes.isEnabled(userName) || !passkeys.list(userName).isEmpty();
    }
}
