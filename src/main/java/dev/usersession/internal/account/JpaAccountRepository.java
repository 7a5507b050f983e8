package dev.usersession.internal.account;

import dev.usersession.internal.store.Groups;
import dev.usersession.internal.store.StoreTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes {@link UserAccountEntity} rows for the identity store and the {@code UserAccounts} API. Every
 * change of password, groups or enablement moves the account's credentials version on, in the same statement.
 */
@ApplicationScoped
public class JpaAccountRepository {

    private static final String NEXT_VERSION = "a.credentialsVersion = a.credentialsVersion + 1";

    @Inject
    StoreTransactions transactions;

    /** @return the account with this name */
    public Optional<StoredAccount> find(String name) {
        return transactions.read(entityManager -> Optional.ofNullable(entityManager.find(UserAccountEntity.class, name))
                .map(UserAccountEntity::toRecord));
    }

    /** @return the account's credentials version, empty when there is no such account */
    public Optional<Long> credentialsVersion(String name) {
        return find(name).map(StoredAccount::credentialsVersion);
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

    /** Replaces the password hash. @return whether the account exists */
    public boolean updatePassword(String name, String passwordHash) {
        return update(
                "update UserSessionAccount a set a.passwordHash = :value, " + NEXT_VERSION + " where a.name = :name",
                name,
                passwordHash);
    }

    /** Replaces the groups. @return whether the account exists */
    public boolean updateGroups(String name, Set<String> groups) {
        return update(
                "update UserSessionAccount a set a.groups = :value, " + NEXT_VERSION + " where a.name = :name",
                name,
                Groups.join(groups));
    }

    /**
     * Replaces a password hash by a stronger one of the same password, only if the stored hash is still the one the
     * caller checked (a password changed meanwhile stays changed).
     *
     * @return whether the hash was replaced
     */
    public boolean replaceHash(String name, String expectedHash, String newHash) {
        return transactions.write(entityManager -> entityManager
                        .createQuery(
                                "update UserSessionAccount a "
                                        + "set a.passwordHash = :newHash where a.name = :name and a.passwordHash = :expectedHash")
                        .setParameter("newHash", newHash)
                        .setParameter("name", name)
                        .setParameter("expectedHash", expectedHash)
                        .executeUpdate()
                == 1);
    }

    /** Enables or disables an account. @return whether the account exists */
    public boolean setEnabled(String name, boolean enabled) {
        return update(
                "update UserSessionAccount a set a.enabled = :value, " + NEXT_VERSION + " where a.name = :name",
                name,
                enabled);
    }

    /** Deletes an account. @return whether it existed */
    public boolean delete(String name) {
        return transactions.write(entityManager -> entityManager
                        .createQuery("delete from UserSessionAccount a where a.name = :name")
                        .setParameter("name", name)
                        .executeUpdate()
                == 1);
    }

    private boolean update(String jpql, String name, Object value) {
        return transactions.write(entityManager -> entityManager
                        .createQuery(jpql)
                        .setParameter("value", value)
                        .setParameter("name", name)
                        .executeUpdate()
                == 1);
    }
}
