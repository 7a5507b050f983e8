package dev.usersession.internal.account;

import java.util.Set;

/**
 * An account as stored.
 *
 * @param name the user name
 * @param passwordHash the password hash in {@code Pbkdf2PasswordHash} format
 * @param groups the user's groups
 * @param enabled whether the account may log in
 * @param credentialsVersion moves on at every change of password, groups or enablement: a login validated before
 *     such a change does not open a session after it
 */
public record StoredAccount(
        String name, String passwordHash, Set<String> groups, boolean enabled, long credentialsVersion) {

    /** Copies the groups into an immutable set. */
    public StoredAccount {
        groups = Set.copyOf(groups);
    }

    @Override
    public String toString() {
        return "StoredAccount[name=" + name + ", groups=" + groups + ", enabled=" + enabled + ", credentialsVersion="
                + credentialsVersion + "]";
    }
}
