package dev.usersession.auth;

import dev.usersession.AssuranceLevel;
import dev.usersession.Factor;
import dev.usersession.IssuedSession;
import dev.usersession.UserSessionConfig;
import dev.usersession.admin.AuditEvent;
import dev.usersession.internal.context.SessionLifecycle;
import dev.usersession.internal.context.UnitOfWork;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.security.FactorLogins;
import dev.usersession.internal.login.LoginAdmission;
import dev.usersession.internal.security.FactorChanges;
import dev.usersession.internal.security.LibraryPasswordCheck;
import dev.usersession.internal.login.LoginGuard;
import dev.usersession.internal.onetimecode.OneTimeCodeFactor;
import dev.usersession.internal.passkey.PasskeyFactor;
import dev.usersession.spi.SessionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.List;

/**
 * The current user's proofs of identity, from Java: re-authenticate (a password or a code proves the user again on
 * the same session, which then gets a new token), enable one-time codes (RFC 6238 authenticator apps) with recovery
 * codes, and list or remove passkeys. Every method works on the session bound to the current request and throws
 * {@link NotLoggedInException} without one. Enrolling, confirming or disabling codes, making new recovery codes and
 * adding or removing a passkey need a proof from the last {@code usersession.factors.recent} (5 minutes), else
 * {@link ReauthenticationRequiredException}; for an account with codes or a passkey that proof must be a code or a
 * passkey, else {@link SecondFactorRequiredException} (a stolen cookie and the saved password are not enough). Adding
 * or removing a factor ends the user's other sessions and renews this one.
 * Wrong passwords and codes are throttled like logins ({@link TooManyAttemptsException}).
 *
 * <p>The same operations are served over HTTP under {@code /usersession/reauthenticate}, {@code /usersession/totp}
 * and {@code /usersession/passkeys} (see the README).
 */
@ApplicationScoped
public class UserCredentials {

    @Inject
    UserSessionManager manager;

    @Inject
    SessionLifecycle lifecycle;

    @Inject
    LoginGuard guard;

    @Inject
    Instance<IdentityStoreHandler> identityStores;

    @Inject
    FactorLogins factorLogins;

    @Inject
    OneTimeCodeFactor oneTimeCodes;

    @Inject
    PasskeyFactor passkeys;

    @Inject
    UserSessionConfig config;

    @Inject
    AuditTrail audit;

    @Inject
    FactorChanges factorChanges;

    /**
     * Proves the current user's password again: the session records it and gets a new token (sent as a new cookie
     * with the response), keeping its state.
     *
     * @return false when the password is wrong (nothing changes)
     * @throws TooManyAttemptsException when the password was guessed wrong too often (nothing is checked)
     */
    public boolean reauthenticate(char[] password) {
        String userName = session().userName();
        LoginAdmission admission = guard.admit(guard.currentAttempt(userName));
        if (!admission.admitted()) {
            throw new TooManyAttemptsException("Too many wrong passwords for " + userName, admission.retryAfter());
        }
        CredentialValidationResult result = LibraryPasswordCheck.run(() -> identityStores.get().validate(
                new UsernamePasswordCredential(userName, new Password(password))));
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !result.getCallerPrincipal().getName().equals(userName)) {
            audit.record(AuditEvent.Type.LOGIN_FAILED, userName, session().id(), "re-authentication");
            return false;
        }
        guard.succeeded(admission);
        IssuedSession renewed = lifecycle.reauthenticated(Factor.PASSWORD, AssuranceLevel.AAL1);
        audit.record(AuditEvent.Type.REAUTHENTICATED, userName, renewed.session().id(), "password");
        return true;
    }

    /**
     * Proves the current user again with a one-time or recovery code: the session records it, reaches
     * {@link AssuranceLevel#AAL2} and gets a new token.
     *
     * @throws FactorRefusedException when the code is malformed, wrong or used, or the user has no codes
     * @throws TooManyAttemptsException when codes were guessed wrong too often
     */
    public void reauthenticateWithCode(String code) {
        String userName = session().userName();
        try {
            factorLogins.checkCode(userName, code);
        } catch (FactorRefusedException e) {
            audit.record(AuditEvent.Type.SECOND_FACTOR_FAILED, userName, session().id(), "re-authentication");
            throw e;
        }
        IssuedSession renewed = lifecycle.reauthenticated(Factor.ONE_TIME_CODE, AssuranceLevel.AAL2);
        audit.record(AuditEvent.Type.REAUTHENTICATED, userName, renewed.session().id(), "one-time code");
    }

    /** @return whether the current user has confirmed one-time codes */
    public boolean oneTimeCodesEnabled() {
        return oneTimeCodes.isEnabled(session().userName());
    }

    /**
     * Creates a new one-time code secret for the current user, to show once (a QR code). It counts once confirmed.
     * Needs a recent proof: a stolen session cookie must not add a factor of the thief's.
     *
     * @throws FactorRefusedException ({@code ALREADY_ENABLED}) when codes are enabled already
     */
    public OneTimeCodeEnrollment enrollOneTimeCodes() {
        return oneTimeCodes.enroll(recentSession().userName());
    }

    /**
     * Confirms the new secret with a first code (throttled like a login): from now on a login needs a code. Needs a
     * recent proof. The session gets a new token; it proves nothing more than before (a code of a secret just handed
     * out says nothing about who the user is).
     *
     * @return ten single-use recovery codes, shown only now
     * @throws FactorRefusedException when the code is wrong or no enrollment waits
     * @throws TooManyAttemptsException when codes were guessed wrong too often
     */
    public List<String> confirmOneTimeCodes(String code) {
        SessionRecord session = recentSession();
        List<String> recovery = factorLogins.confirmCodes(session.userName(), code);
        audit.record(AuditEvent.Type.FACTOR_ENROLLED, session.userName(), session.id(), "one-time codes");
        factorChanges.changed(session); // sessions and remembered browsers from before the second factor end
        return recovery;
    }

    /**
     * Checks that the current user proved who they are within {@code usersession.factors.recent}, with a code or a
     * passkey when the account has a second factor (the library asks it before a factor is added, disabled or
     * removed).
     *
     * @throws ReauthenticationRequiredException when the last proof is older
     * @throws SecondFactorRequiredException when the account has a second factor and none was proved within it
     * @throws NotLoggedInException without a session
     */
    public void requireRecentProof() {
        recentSession();
    }

    /**
     * Turns one-time codes off (and deletes the recovery codes). Needs a recent proof.
     *
     * @return whether codes were enabled
     */
    public boolean disableOneTimeCodes() {
        SessionRecord session = recentSession();
        boolean disabled = oneTimeCodes.disable(session.userName());
        if (disabled) {
            audit.record(AuditEvent.Type.FACTOR_REMOVED, session.userName(), session.id(), "one-time codes");
            factorChanges.changed(session);
        }
        return disabled;
    }

    /** @return ten new recovery codes replacing the old ones, shown only now; needs a recent proof */
    public List<String> newRecoveryCodes() {
        SessionRecord session = recentSession();
        if (!oneTimeCodes.isEnabled(session.userName())) {
            throw new FactorRefusedException(FactorRefusedException.Reason.NOT_ENABLED,
                    session.userName() + " has no one-time codes");
        }
        List<String> codes = oneTimeCodes.newRecoveryCodes(session.userName());
        audit.record(AuditEvent.Type.FACTOR_ENROLLED, session.userName(), session.id(), "recovery codes");
        return codes;
    }

    /** @return how many unused recovery codes the current user has */
    public long recoveryCodesLeft() {
        return oneTimeCodes.recoveryCodesLeft(session().userName());
    }

    /** @return the current user's passkeys, oldest first */
    public List<PasskeyInfo> passkeys() {
        return passkeys.list(session().userName());
    }

    /** Removes one of the current user's passkeys; needs a recent proof. @return whether it was the user's */
    public boolean removePasskey(String id) {
        SessionRecord session = recentSession();
        boolean removed = passkeys.remove(session.userName(), id);
        if (removed) {
            audit.record(AuditEvent.Type.FACTOR_REMOVED, session.userName(), session.id(), "passkey " + id);
            factorChanges.changed(session);
        }
        return removed;
    }

    private SessionRecord session() {
        UnitOfWork unitOfWork = manager.current();
        if (unitOfWork == null) {
            throw new NotLoggedInException("This needs a logged-in user");
        }
        return unitOfWork.session();
    }

    private SessionRecord recentSession() {
        SessionRecord session = session();
        factorChanges.requireProof(session);
        return session;
    }
}
