package dev.usersession.internal.security;

import dev.usersession.EndReason;
import dev.usersession.UserSessionClock;
import dev.usersession.admin.AuditEvent;
import dev.usersession.auth.TooManyAttemptsException;
import dev.usersession.auth.UserAccounts;
import dev.usersession.internal.account.JpaAccountRepository;
import dev.usersession.internal.account.PasswordHashing;
import dev.usersession.internal.account.PasswordPolicy;
import dev.usersession.internal.account.StoredAccount;
import dev.usersession.internal.account.UserNames;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.context.SessionLifecycle;
import dev.usersession.internal.context.UnitOfWork;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.internal.login.JpaLoginChallenges;
import dev.usersession.internal.login.LoginAdmission;
import dev.usersession.internal.login.LoginGuard;
import dev.usersession.internal.onetimecode.OneTimeCodeFactor;
import dev.usersession.internal.passkey.PasskeyFactor;
import dev.usersession.internal.rememberme.RememberMe;
import dev.usersession.spi.SessionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The library's {@link UserAccounts}: changes to an account in {@link JpaAccountRepository}, and what each change
 * causes: the user's waiting login steps, remembered browsers and other sessions end, the current session is renewed
 * ({@code credentialsChanged}), the audit trail records it, and the login throttle of the name is reset where the
 * change proves the owner. The library's own code injects this class, never the public interface.
 */
@ApplicationScoped
public class DefaultUserAccounts implements UserAccounts {

    @Inject
    JpaAccountRepository accounts;

    @Inject
    PasswordHashing passwords;

    @Inject
    SessionLifecycle lifecycle;

    @Inject
    UserSessionManager manager;

    @Inject
    UserSessionClock clock;

    @Inject
    LoginGuard guard;

    @Inject
    OneTimeCodeFactor oneTimeCodes;

    @Inject
    PasskeyFactor passkeys;

    @Inject
    JpaLoginChallenges pendingSteps;

    @Inject
    RememberMe rememberMe;

    @Inject
    AuditTrail audit;

    @Inject
    FactorChanges factorChanges;

    @Override
    public boolean create(String name, char[] password, Set<String> groups) {
        if (name == null || name.isBlank() || UserNames.isTooLong(name)) {
            throw new IllegalArgumentException("A user name must be 1 to " + UserNames.MAXIMUM_LENGTH + " characters");
        }
        return accounts.insert(name, passwords.hash(checked(name, password)), groups, clock.now());
    }

    @Override
    public boolean exists(String name) {
        return accounts.find(name).isPresent();
    }

    @Override
    public Optional<Set<String>> groupsOf(String name) {
        return accounts.find(name).map(StoredAccount::groups);
    }

    @Override
    public boolean changePassword(String name, char[] currentPassword, char[] newPassword) {
        checked(name, newPassword);
        UnitOfWork unitOfWork = manager.current();
        if (unitOfWork != null && unitOfWork.session().userName().equals(name)) {
            factorChanges.requireSecondFactorWhereTheAccountHasOne(unitOfWork.session());
        }
        LoginAdmission admission = guard.admit(guard.currentAttempt(name));
        if (!admission.admitted()) {
            throw new TooManyAttemptsException(
                    "Too many wrong passwords for " + name + "; try again later", admission.retryAfter());
        }
        Optional<StoredAccount> account = accounts.find(name);
        if (!passwords.verify(
                currentPassword, account.map(StoredAccount::passwordHash).orElse(null))) {
            return false;
        }
        guard.succeeded(admission);
        return setPassword(name, newPassword, false, false);
    }

    @Override
    public boolean resetPassword(String name, char[] newPassword) {
        return setPassword(name, newPassword, true, false);
    }

    @Override
    public boolean resetPassword(String name, char[] newPassword, boolean removeSecondFactors) {
        return setPassword(name, newPassword, true, removeSecondFactors);
    }

    /**
     * @param byAdministrator whether an administrator's reset also ends the back-off or lock of the user's codes
     *     (a user's own change does not: knowing the password must not reset the guessing of the second factor)
     * @param removeSecondFactors whether every second factor of the user is removed too
     */
    private boolean setPassword(String name, char[] newPassword, boolean byAdministrator, boolean removeSecondFactors) {
        if (!accounts.updatePassword(name, passwords.hash(checked(name, newPassword)))) {
            return false;
        }
        if (removeSecondFactors) {
            removeFactors(name);
        }
        audit.record(AuditEvent.Type.PASSWORD_CHANGED, name, null, null);
        if (byAdministrator) {
            guard.reset(name);
        } else {
            guard.resetName(name);
        }
        credentialsChanged(name, null);
        return true;
    }

    @Override
    public boolean changeGroups(String name, Set<String> groups) {
        if (!accounts.updateGroups(name, groups)) {
            return false;
        }
        audit.record(AuditEvent.Type.GROUPS_CHANGED, name, null, String.join(",", new TreeSet<>(groups)));
        credentialsChanged(name, groups);
        return true;
    }

    @Override
    public boolean disable(String name) {
        boolean found = accounts.setEnabled(name, false);
        if (found) {
            audit.record(AuditEvent.Type.ACCOUNT_DISABLED, name, null, null);
        }
        pendingSteps.deleteAllOf(name);
        rememberMe.forgetAll(name);
        lifecycle.endAllFor(name, EndReason.REVOKED, null);
        return found;
    }

    @Override
    public boolean enable(String name) {
        return accounts.setEnabled(name, true);
    }

    @Override
    public boolean delete(String name) {
        boolean found = accounts.delete(name);
        if (found) {
            audit.record(AuditEvent.Type.ACCOUNT_DELETED, name, null, null);
        }
        lifecycle.endAllFor(name, EndReason.REVOKED, null);
        guard.forgetDevices(name);
        guard.reset(name);
        removeFactors(name);
        rememberMe.forgetAll(name);
        return found;
    }

    @Override
    public void removeSecondFactors(String name) {
        removeFactors(name);
        credentialsChanged(name, null); // as any change of factors: the user's other sessions end
    }

    private void removeFactors(String name) {
        audit.record(AuditEvent.Type.FACTOR_REMOVED, name, null, "all second factors");
        guard.reset(name);
        oneTimeCodes.disable(name);
        passkeys.removeAll(name);
        pendingSteps.deleteAllOf(name);
    }

    @Override
    public void unlock(String name) {
        guard.reset(name);
    }

    /** After a change of credentials or groups: the user's other sessions end, the current one is renewed. */
    private void credentialsChanged(String name, Set<String> newGroups) {
        pendingSteps.deleteAllOf(name); // a login waiting for its second factor proved the old password
        rememberMe.forgetAll(name);
        UnitOfWork unitOfWork = manager.current();
        Optional<SessionRecord> current = Optional.ofNullable(unitOfWork)
                .map(UnitOfWork::session)
                .filter(session -> session.userName().equals(name));
        lifecycle.endAllFor(
                name, EndReason.REVOKED, current.map(SessionRecord::id).orElse(null));
        current.ifPresent(session -> lifecycle.renewCurrent(newGroups == null ? session.groups() : newGroups));
    }

    private static char[] checked(String name, char[] password) {
        PasswordPolicy.check(name, password);
        return password;
    }
}
