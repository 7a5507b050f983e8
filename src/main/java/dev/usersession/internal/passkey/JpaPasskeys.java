package dev.usersession.internal.passkey;

import dev.usersession.internal.store.DatabaseTime;
import dev.usersession.internal.store.StoreTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes users' passkeys ({@link PasskeyEntity}). A use moves the signature counter forward in one guarded
 * statement, so that one assertion replayed to several nodes at once is accepted at most once.
 */
@ApplicationScoped
public class JpaPasskeys {

    @Inject
    StoreTransactions transactions;

    /** @return the user's passkeys, oldest first */
    public List<StoredPasskey> listOf(String userName) {
        return transactions.read(entityManager -> entityManager
                .createQuery(
                        "select p from UserSessionPasskey p where p.userName = :userName " + "order by p.created, p.id",
                        PasskeyEntity.class)
                .setParameter("userName", userName)
                .getResultList()
                .stream()
                .map(PasskeyEntity::toRecord)
                .toList());
    }

    /** @return the passkey with this id (the SHA-256 of its credential id) */
    public Optional<StoredPasskey> find(String id) {
        return transactions.read(entityManager ->
                Optional.ofNullable(entityManager.find(PasskeyEntity.class, id)).map(PasskeyEntity::toRecord));
    }

    /** Stores a new passkey. */
    public void add(StoredPasskey passkey) {
        transactions.write(entityManager -> {
            entityManager.persist(PasskeyEntity.of(passkey));
            return null;
        });
    }

    /**
     * Records a use: the counter moves from {@code expectedCount} to {@code newCount}.
     *
     * @return whether this call recorded it (false: another use came first, or the passkey was removed)
     */
    public boolean recordUse(String id, long expectedCount, long newCount, Instant now) {
        return transactions.write(entityManager -> entityManager
                        .createQuery("update UserSessionPasskey p set p.signCount = :newCount, p.lastUsed = :now "
                                + "where p.id = :id and p.signCount = :expectedCount")
                        .setParameter("newCount", newCount)
                        .setParameter("now", DatabaseTime.of(now))
                        .setParameter("id", id)
                        .setParameter("expectedCount", expectedCount)
                        .executeUpdate())
                == 1;
    }

    /** Removes one of the user's passkeys. @return whether it existed and was the user's */
    public boolean remove(String userName, String id) {
        return transactions.write(entityManager -> entityManager
                        .createQuery("delete from UserSessionPasskey p where p.id = :id and p.userName = :userName")
                        .setParameter("id", id)
                        .setParameter("userName", userName)
                        .executeUpdate())
                == 1;
    }

    /** Removes every passkey of a user (the account was deleted). */
    public void removeAllOf(String userName) {
        transactions.write(entityManager -> entityManager
                .createQuery("delete from UserSessionPasskey p where p.userName = :userName")
                .setParameter("userName", userName)
                .executeUpdate());
    }
}
