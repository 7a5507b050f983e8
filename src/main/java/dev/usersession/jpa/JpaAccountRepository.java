package dev.usersession.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/** Reads and writes {@link UserAccountEntity} rows for the identity store and the {@code UserAccounts} API. */
@ApplicationScoped
public class JpaAccountRepository {

    @Inject
    StoreTransactions transactions;

    /** @return the account with this name */
    public Optional<StoredAccount> find(String name) {
        return transactions.read(entityManager -> Optional
                .ofNullable(entityManager.find(UserAccountEntity.class, name))
                .map(UserAccountEntity::toRecord));
    }

    /** Stores a new account. @return false when the name is taken */
    public boolean insert(String name, String passwordHash, Set<String> groups, Instant now) {
        return transactions.write(entityManager -> {
            if (entityManager.find(UserAccountEntity.class, name) != null) {
                return false;
            }
            entityManager.persist(new UserAccountEntity(name, passwordHash, Groups.join(groups), now));
            return true;
        });
    }

    /** Replaces the password hash and clears the failure counter. @return whether the account exists */
    public boolean updatePassword(String name, String passwordHash) {
        return update("update UserSessionAccount a set a.passwordHash = :value, a.failedAttempts = 0, "
                + "a.lockedUntil = null where a.name = :name", name, passwordHash);
    }

    /**
     * Replaces a password hash by a stronger one of the same password, only if the stored hash is still the one the
     * caller checked (a password changed meanwhile stays changed).
     *
     * @return whether the hash was replaced
     */
    public boolean replaceHash(String name, String expectedHash, String newHash) {
        return transactions.write(entityManager -> entityManager.createQuery("update UserSessionAccount a "
                + "set a.passwordHash = :newHash where a.name = :name and a.passwordHash = :expectedHash")
                .setParameter("newHash", newHash)
                .setParameter("name", name)
                .setParameter("expectedHash", expectedHash)
                .executeUpdate() == 1);
    }

    /** Enables or disables an account. @return whether the account exists */
    public boolean setEnabled(String name, boolean enabled) {
        return update("update UserSessionAccount a set a.enabled = :value where a.name = :name", name, enabled);
    }

    /** Clears the failure counter after a successful login. */
    public void resetFailures(String name) {
        update("update UserSessionAccount a set a.failedAttempts = 0, a.lockedUntil = :value where a.name = :name",
                name, null);
    }

    /**
     * Counts one more failed login, atomically, and sets the lock that the new count calls for.
     *
     * @param lockFor the lock's length for a number of failures in a row, or {@code null} for none
     */
    public void recordFailure(String name, Instant now, IntFunction<java.time.Duration> lockFor) {
        transactions.write(entityManager -> {
            entityManager.createQuery("update UserSessionAccount a set a.failedAttempts = a.failedAttempts + 1 "
                    + "where a.name = :name").setParameter("name", name).executeUpdate();
            Integer failures = entityManager.createQuery("select a.failedAttempts from UserSessionAccount a "
                    + "where a.name = :name", Integer.class).setParameter("name", name).getSingleResult();
            java.time.Duration lock = lockFor.apply(failures);
            if (lock != null) {
                entityManager.createQuery("update UserSessionAccount a set a.lockedUntil = :until "
                        + "where a.name = :name")
                        .setParameter("until", DatabaseTime.of(now.plus(lock)))
                        .setParameter("name", name)
                        .executeUpdate();
            }
            return null;
        });
    }

    private boolean update(String jpql, String name, Object value) {
        return transactions.write(entityManager -> entityManager.createQuery(jpql)
                .setParameter("value", value)
                .setParameter("name", name)
                .executeUpdate() == 1);
    }
}
