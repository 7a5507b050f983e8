package dev.usersession.auth;

import dev.usersession.EndReason;
import dev.usersession.UserSessionClock;
import dev.usersession.admin.AuditEvent;
import dev.usersession.internal.login.JpaLoginChallenges;
import dev.usersession.internal.onetimecode.OneTimeCodeFactor;
import dev.usersession.internal.passkey.PasskeyFactor;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.security.FactorChanges;
import dev.usersession.internal.rememberme.RememberMe;
import dev.usersession.internal.context.SessionLifecycle;
import dev.usersession.internal.context.UnitOfWork;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.internal.account.JpaAccountRepository;
import dev.usersession.internal.account.StoredAccount;
import dev.usersession.internal.login.LoginAdmission;
import dev.usersession.internal.login.LoginGuard;
import dev.usersession.internal.account.PasswordHashing;
import dev.usersession.internal.account.PasswordPolicy;
import dev.usersession.internal.account.UserNames;
import dev.usersession.spi.SessionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Manages the accounts of the library's JPA identity store ({@code user_account}): create, change or reset a
 * password, change groups, disable, enable, delete, unlock. Changing a password or the groups ends the user's other
 * sessions and renews the current one; disabling or deleting an account ends all of them. Every such change moves the
 * account's credentials version on, so that a login checked before it and finishing after it opens no session. A new
 * password must meet the {@link PasswordPolicy} (8 to 1,024 characters, not a commonly used password, not containing
 * the user name), or the method throws {@link InvalidPasswordException}.
 */
@ApplicationScoped
public class UserAccounts {

    /** NIST SP 800-63B: at least 8 characters. */
    public static final int MINIMUM_PASSWORD_LENGTH = PasswordPolicy.MINIMUM_LENGTH;
    /** Longer passwords are refused, so that hashing stays bounded. */
    public static final int MAXIMUM_PASSWORD_LENGTH = PasswordPolicy.MAXIMUM_LENGTH;

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

    /**
     * Creates an account.
     *
     * @return false when the name is taken
     * @throws IllegalArgumentException when the name is blank
     * @throws InvalidPasswordException when the password breaks the password policy
     */
    public boolean create(String name, char[] password, Set<String> groups) {
        if (name == null || name.isBlank() || UserNames.isTooLong(name)) {
            throw new IllegalArgumentException("A user name must be 1 to " + UserNames.MAXIMUM_LENGTH
                    + " characters");
        }
        return accounts.insert(name, passwords.hash(checked(name, password)), groups, clock.now());
    }

    /** @return whether an account of this name exists */
    public boolean exists(String name) {
        return accounts.find(name).isPresent();
    }

    /** @return the groups of the account, empty when there is no such account */
    public Optional<Set<String>> groupsOf(String name) {
        return accounts.find(name).map(StoredAccount::groups);
    }

    /**
     * Changes a user's password after checking the current one. The check is throttled exactly like a login (see
     * {@code LoginGuard}): whoever holds a session cannot guess the password through it. All other sessions of the
     * user end; the session of the current request, if it is the user's, gets a new token (sent as a new cookie with
     * the response), so that a stolen copy of its old token stops working. When the current request's session is the
     * user's and the user has a second factor (codes or a passkey), it must have proved one within
     * {@code usersession.factors.recent}: a stolen session cookie and the saved password cannot lock the owner out.
     *
     * @return false when the current password is wrong (nothing changes)
     * @throws SecondFactorRequiredException when the user's session needs a recent code or passkey first
     * @throws InvalidPasswordException when the new password breaks the password policy
     * @throws TooManyAttemptsException when the current password was guessed wrong too often (nothing is checked)
     */
    public boolean changePassword(String name, char[] currentPassword, char[] newPassword) {
        checked(name, newPassword);
        UnitOfWork unitOfWork = manager.current();
        if (unitOfWork != null && unitOfWork.session().userName().equals(name)) {
            factorChanges.requireSecondFactorWhereTheAccountHasOne(unitOfWork.session());
        }
        LoginAdmission admission = guard.admit(guard.currentAttempt(name));
        if (!admission.admitted()) {
            throw new TooManyAttemptsException("Too many wrong passwords for " + name + "; try again later",
                    admission.retryAfter());
        }
        Optional<StoredAccount> account = accounts.find(name);
        if (!passwords.verify(currentPassword, account.map(StoredAccount::passwordHash).orElse(null))) {
            return false;
        }
        guard.succeeded(admission);
        return setPassword(name, newPassword, false, false);
    }

    /**
     * Sets a user's password without checking the old one (an administrator's reset), ends a lock of the name and of
     * the one-time codes after repeated failures, ends the user's other sessions and renews the current one if it is
     * the user's (see {@link #changePassword}).
     *
     * @return false when there is no such account
     * @throws InvalidPasswordException when the new password breaks the password policy
     */
    public boolean resetPassword(String name, char[] newPassword) {
        return setPassword(name, newPassword, true, false);
    }

    /**
     * Sets a user's password as {@link #resetPassword(String, char[])} does and, with {@code removeSecondFactors},
     * also removes every second factor of the user ({@link #removeSecondFactors}): the administrator's answer to an
     * account taken over with the password, whose thief may have added a passkey or new recovery codes of their own.
     *
     * @return false when there is no such account (nothing is removed then)
     * @throws InvalidPasswordException when the new password breaks the password policy (nothing changes)
     */
    public boolean resetPassword(String name, char[] newPassword, boolean removeSecondFactors) {
        return setPassword(name, newPassword, true, removeSecondFactors);
    }

    /**
     * @param byAdministrator whether an administrator's reset also ends the back-off or lock of the user's codes
     *     (a user's own change does not: knowing the password must not reset the guessing of the second factor)
     * @param removeSecondFactors whether every second factor of the user is removed too
     */
    private boolean setPassword(String name, char[] newPassword, boolean byAdministrator,
            boolean removeSecondFactors) {
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

    /**
     * Replaces a user's groups. Sessions carry the groups of their login, so every other session of the user ends,
     * and the current one, if it is the user's, is renewed with the new groups and a new token.
     *
     * @return false when there is no such account
     */
    public boolean changeGroups(String name, Set<String> groups) {
        if (!accounts.updateGroups(name, groups)) {
            return false;
        }
        audit.record(AuditEvent.Type.GROUPS_CHANGED, name, null, String.join(",", new TreeSet<>(groups)));
        credentialsChanged(name, groups);
        return true;
    }

    /** Disables an account and ends all its sessions. @return false when there is no such account */
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

    /** Enables an account again. @return false when there is no such account */
    public boolean enable(String name) {
        return accounts.setEnabled(name, true);
    }

    /**
     * Deletes an account, ends all its sessions, and forgets its trusted devices and failed logins.
     *
     * @return false when there was no such account
     */
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

    /**
     * Removes a user's one-time codes, recovery codes and passkeys (an administrator's help for a user who lost the
     * phone and the recovery codes): the next login needs only the password.
     */
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

    /**
     * Ends the back-off or the lock of a user name after repeated failed logins, and of the user's one-time codes
     * after repeated wrong codes (NIST SP 800-63B: after 100 failures in a row from untrusted clients a name stays
     * locked until a login from a trusted device, a password reset or this; one-time codes until a recovery code, a
     * passkey, a password reset or this).
     */
    public void unlock(String name) {
        guard.reset(name);
    }

    /** After a change of credentials or groups: the user's other sessions end, the current one is renewed. */
    private void credentialsChanged(String name, Set<String> newGroups) {
        pendingSteps.deleteAllOf(name); // a login waiting for its second factor proved the old password
        rememberMe.forgetAll(name);
        UnitOfWork unitOfWork = manager.current();
        Optional<SessionRecord> current = Optional.ofNullable(unitOfWork).map(UnitOfWork::session)
                .filter(session -> session.userName().equals(name));
        lifecycle.endAllFor(name, EndReason.REVOKED, current.map(SessionRecord::id).orElse(null));
        current.ifPresent(session -> lifecycle.renewCurrent(newGroups == null ? session.groups() : newGroups));
    }

    private static char[] checked(String name, char[] password) {
        PasswordPolicy.check(name, password);
        return password;
    }
}
