package dev.usersession;

import dev.usersession.jpa.JpaAccountRepository;
import dev.usersession.jpa.StoredAccount;
import dev.usersession.security.PasswordHashing;
import dev.usersession.security.PasswordPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * Manages the accounts of the library's JPA identity store ({@code user_account}): create, change or reset a
 * password, disable and enable. Changing a password ends the user's other sessions; disabling an account ends all
 * of them. A new password must meet the {@link PasswordPolicy} (8 to 1,024 characters, not a commonly used password,
 * not containing the user name), or the method throws {@link InvalidPasswordException}.
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
    UserSessions sessions;

    @Inject
    UserSessionClock clock;

    /**
     * Creates an account.
     *
     * @return false when the name is taken
     * @throws IllegalArgumentException when the name is blank
     * @throws InvalidPasswordException when the password breaks the password policy
     */
    public boolean create(String name, char[] password, Set<String> groups) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("A user name must be 1 to 255 characters");
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
     * Changes a user's password after checking the current one, and ends the user's other sessions (the session
     * of the current request, if it is the user's, stays).
     *
     * @return false when the current password is wrong (nothing changes)
     * @throws InvalidPasswordException when the new password breaks the password policy
     */
    public boolean changePassword(String name, char[] currentPassword, char[] newPassword) {
        Optional<StoredAccount> account = accounts.find(name);
        if (!passwords.verify(currentPassword, account.map(StoredAccount::passwordHash).orElse(null))) {
            return false;
        }
        resetPassword(name, newPassword);
        return true;
    }

    /**
     * Sets a user's password without checking the old one (an administrator's reset) and ends the user's other
     * sessions.
     *
     * @return false when there is no such account
     * @throws InvalidPasswordException when the new password breaks the password policy
     */
    public boolean resetPassword(String name, char[] newPassword) {
        if (!accounts.updatePassword(name, passwords.hash(checked(name, newPassword)))) {
            return false;
        }
        String current = sessions.current().filter(session -> session.userName().equals(name))
                .map(UserSessionInfo::id).orElse(null);
        for (UserSessionInfo session : sessions.listFor(name)) {
            if (!session.id().equals(current)) {
                sessions.end(session.id(), EndReason.REVOKED);
            }
        }
        return true;
    }

    /** Disables an account and ends all its sessions. @return false when there is no such account */
    public boolean disable(String name) {
        boolean found = accounts.setEnabled(name, false);
        sessions.endAllFor(name, EndReason.REVOKED);
        return found;
    }

    /** Enables an account again. @return false when there is no such account */
    public boolean enable(String name) {
        return accounts.setEnabled(name, true);
    }

    private static char[] checked(String name, char[] password) {
        PasswordPolicy.check(name, password);
        return password;
    }
}
