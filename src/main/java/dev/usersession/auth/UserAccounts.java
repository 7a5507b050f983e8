package dev.usersession.auth;

import java.util.Optional;
import java.util.Set;

/**
 * Manages the accounts of the library's JPA identity store ({@code user_account}): create, change or reset a
 * password, change groups, disable, enable, delete, unlock. Changing a password or the groups ends the user's other
 * sessions and renews the current one; disabling or deleting an account ends all of them. Every such change moves the
 * account's credentials version on, so that a login checked before it and finishing after it opens no session. A new
 * password must meet the password policy ({@value #MINIMUM_PASSWORD_LENGTH} to {@value #MAXIMUM_PASSWORD_LENGTH}
 * characters, not a commonly used password, not containing the user name), or the method throws
 * {@link InvalidPasswordException}. Inject it ({@code @Inject UserAccounts accounts;}); the library provides its one
 * implementation, applications do not implement it.
 */
public interface UserAccounts {

    /** NIST SP 800-63B: at least 8 characters. */
    int MINIMUM_PASSWORD_LENGTH = 8;
    /** Longer passwords are refused, so that hashing stays bounded. */
    int MAXIMUM_PASSWORD_LENGTH = 1024;

    /**
     * Creates an account.
     *
     * @return false when the name is taken
     * @throws IllegalArgumentException when the name is blank
     * @throws InvalidPasswordException when the password breaks the password policy
     */
    boolean create(String name, char[] password, Set<String> groups);

    /** @return whether an account of this name exists */
    boolean exists(String name);

    /** @return the groups of the account, empty when there is no such account */
    Optional<Set<String>> groupsOf(String name);

    /**
     * Changes a user's password after checking the current one. The check is throttled exactly like a login (the
     * same counters and back-off): whoever holds a session cannot guess the password through it. All other sessions of
     * the
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
    boolean changePassword(String name, char[] currentPassword, char[] newPassword);

    /**
     * Sets a user's password without checking the old one (an administrator's reset), ends a lock of the name and of
     * the one-time codes after repeated failures, ends the user's other sessions and renews the current one if it is
     * the user's (see {@link #changePassword}).
     *
     * @return false when there is no such account
     * @throws InvalidPasswordException when the new password breaks the password policy
     */
    boolean resetPassword(String name, char[] newPassword);

    /**
     * Sets a user's password as {@link #resetPassword(String, char[])} does and, with {@code removeSecondFactors},
     * also removes every second factor of the user ({@link #removeSecondFactors}): the administrator's answer to an
     * account taken over with the password, whose thief may have added a passkey or new recovery codes of their own.
     *
     * @return false when there is no such account (nothing is removed then)
     * @throws InvalidPasswordException when the new password breaks the password policy (nothing changes)
     */
    boolean resetPassword(String name, char[] newPassword, boolean removeSecondFactors);

    /**
     * Replaces a user's groups. Sessions carry the groups of their login, so every other session of the user ends,
     * and the current one, if it is the user's, is renewed with the new groups and a new token.
     *
     * @return false when there is no such account
     */
    boolean changeGroups(String name, Set<String> groups);

    /** Disables an account and ends all its sessions. @return false when there is no such account */
    boolean disable(String name);

    /** Enables an account again. @return false when there is no such account */
    boolean enable(String name);

    /**
     * Deletes an account, ends all its sessions, and forgets its trusted devices and failed logins.
     *
     * @return false when there was no such account
     */
    boolean delete(String name);

    /**
     * Removes a user's one-time codes, recovery codes and passkeys (an administrator's help for a user who lost the
     * phone and the recovery codes): the next login needs only the password.
     */
    void removeSecondFactors(String name);

    /**
     * Ends the back-off or the lock of a user name after repeated failed logins, and of the user's one-time codes
     * after repeated wrong codes (NIST SP 800-63B: after 100 failures in a row from untrusted clients a name stays
     * locked until a login from a trusted device, a password reset or this; one-time codes until a recovery code, a
     * passkey, a password reset or this).
     */
    void unlock(String name);
}
