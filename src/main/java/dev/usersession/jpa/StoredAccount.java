package dev.usersession.jpa;

import java.time.Instant;
import java.util.Set;

/**
 * An account as stored.
 *
 * @param name the user name
 * @param passwordHash the password hash in {@code Pbkdf2PasswordHash} format
 * @param groups the user's groups
 * @param failedAttempts failed logins in a row
 * @param lockedUntil no login is tried before this instant, may be {@code null}
 * @param enabled whether the account may log in
 */
public record StoredAccount(String name, String passwordHash, Set<String> groups, int failedAttempts,
        Instant lockedUntil, boolean enabled) {

    /** Copies the groups into an immutable set. */
    public StoredAccount {
        groups = Set.copyOf(groups);
    }

    /** @return whether logins are refused at this instant because of earlier failures */
    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    @Override
    public String toString() {
        return "StoredAccount[name=" + name + ", groups=" + groups + ", failedAttempts=" + failedAttempts
                + ", lockedUntil=" + lockedUntil + ", enabled=" + enabled + "]";
    }
}
