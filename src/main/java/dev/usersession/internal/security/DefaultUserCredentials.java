package dev.usersession.internal.security;

import dev.usersession.AssuranceLevel;
import dev.usersession.Factor;
import dev.usersession.IssuedSession;
import dev.usersession.admin.AuditEvent;
import dev.usersession.auth.FactorRefusedException;
import dev.usersession.auth.NotLoggedInException;
import dev.usersession.auth.OneTimeCodeEnrollment;
import dev.usersession.auth.PasskeyInfo;
import dev.usersession.auth.TooManyAttemptsException;
import dev.usersession.auth.UserCredentials;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.context.SessionLifecycle;
import dev.usersession.internal.context.UnitOfWork;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.internal.login.LoginAdmission;
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
 * The library's {@link UserCredentials}, on the session bound to the current request: a password is checked by the
 * identity stores and a code by {@link FactorLogins}, both throttled by {@link LoginGuard}; {@link FactorChanges}
 * decides which proof a change of factors needs and ends what the change makes stale; the one-time codes and passkeys
 * themselves are {@link OneTimeCodeFactor}'s and {@link PasskeyFactor}'s. Re-authentications, their failures and
 * changes of factors are audited. The library's own endpoints inject this class, never the public interface.
 */
@ApplicationScoped
public class DefaultUserCredentials implements UserCredentials {

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
    AuditTrail audit;

    @Inject
    FactorChanges factorChanges;

    @Override
    public boolean reauthenticate(char[] password) {
        String userName = session().userName();
        LoginAdmission admission = guard.admit(guard.currentAttempt(userName));
        if (!admission.admitted()) {
            throw new TooManyAttemptsException("Too many wrong passwords for " + userName, admission.retryAfter());
        }
        CredentialValidationResult result = LibraryPasswordCheck.run(
                () -> identityStores.get().validate(new UsernamePasswordCredential(userName, new Password(password))));
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !result.getCallerPrincipal().getName().equals(userName)) {
            audit.record(AuditEvent.Type.LOGIN_FAILED, userName, session().id(), "re-authentication");
            return false;
        }
        guard.succeeded(admission);
        IssuedSession renewed = lifecycle.reauthenticated(Factor.PASSWORD, AssuranceLevel.AAL1);
        audit.record(
                AuditEvent.Type.REAUTHENTICATED, userName, renewed.session().id(), "password");
        return true;
    }

    @Override
    public void reauthenticateWithCode(String code) {
        String userName = session().userName();
        try {
            factorLogins.checkCode(userName, code);
        } catch (FactorRefusedException e) {
            audit.record(
                    AuditEvent.Type.SECOND_FACTOR_FAILED, userName, session().id(), "re-authentication");
            throw e;
        }
        IssuedSession renewed = lifecycle.reauthenticated(Factor.ONE_TIME_CODE, AssuranceLevel.AAL2);
        audit.record(
                AuditEvent.Type.REAUTHENTICATED, userName, renewed.session().id(), "one-time code");
    }

    @Override
    public boolean oneTimeCodesEnabled() {
        return oneTimeCodes.isEnabled(session().userName());
    }

    @Override
    public OneTimeCodeEnrollment enrollOneTimeCodes() {
        return oneTimeCodes.enroll(recentSession().userName());
    }

    @Override
    public List<String> confirmOneTimeCodes(String code) {
        SessionRecord session = recentSession();
        List<String> recovery = factorLogins.confirmCodes(session.userName(), code);
        audit.record(AuditEvent.Type.FACTOR_ENROLLED, session.userName(), session.id(), "one-time codes");
        factorChanges.changed(session); // sessions and remembered browsers from before the second factor end
        return recovery;
    }

    @Override
    public void requireRecentProof() {
        recentSession();
    }

    @Override
    public boolean disableOneTimeCodes() {
        SessionRecord session = recentSession();
        boolean disabled = oneTimeCodes.disable(session.userName());
        if (disabled) {
            audit.record(AuditEvent.Type.FACTOR_REMOVED, session.userName(), session.id(), "one-time codes");
            factorChanges.changed(session);
        }
        return disabled;
    }

    @Override
    public List<String> newRecoveryCodes() {
        SessionRecord session = recentSession();
        if (!oneTimeCodes.isEnabled(session.userName())) {
            throw new FactorRefusedException(
                    FactorRefusedException.Reason.NOT_ENABLED, session.userName() + " has no one-time codes");
        }
        List<String> codes = oneTimeCodes.newRecoveryCodes(session.userName());
        audit.record(AuditEvent.Type.FACTOR_ENROLLED, session.userName(), session.id(), "recovery codes");
        return codes;
    }

    @Override
    public long recoveryCodesLeft() {
        return oneTimeCodes.recoveryCodesLeft(session().userName());
    }

    @Override
    public List<PasskeyInfo> passkeys() {
        return passkeys.list(session().userName());
    }

    @Override
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
