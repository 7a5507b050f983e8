package dev.usersession.internal.onetimecode;

import dev.usersession.internal.store.StoreTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Reads and writes users' one-time code secrets ({@link OneTimeCodeSecretEntity}) and recovery codes
 * ({@link RecoveryCodeEntity}). Using a code is one guarded statement, so that a code is accepted once even when it
 * is sent to several nodes at the same moment.
 */
@ApplicationScoped
public class JpaOneTimeCodes {

    @Inject
    StoreTransactions transactions;

    /** @return the user's secret, confirmed or not */
    public Optional<StoredOneTimeCodeSecret> find(String userName) {
        return transactions.read(
                entityManager -> Optional.ofNullable(entityManager.find(OneTimeCodeSecretEntity.class, userName))
                        .map(OneTimeCodeSecretEntity::toRecord));
    }

    /** Stores a new, unconfirmed secret for a user who has no confirmed one (an unconfirmed one is replaced). */
    public void saveUnconfirmed(String userName, String sealedSecret, Instant now) {
        transactions.write(entityManager -> {
            entityManager
                    .createQuery(
                            "delete from UserSessionTotp t where t.userName = :userName " + "and t.confirmed = false")
                    .setParameter("userName", userName)
                    .executeUpdate();
            entityManager.persist(new OneTimeCodeSecretEntity(userName, sealedSecret, now));
            return null;
        });
    }

    /**
     * Accepts the code of time step {@code step} once: it must be later than the last accepted step. With
     * {@code confirming}, the secret must be unconfirmed and becomes confirmed; otherwise it must be confirmed.
     *
     * @return whether this call accepted it
     */
    public boolean useStep(String userName, long step, boolean confirming) {
        return transactions.write(entityManager -> entityManager
                        .createQuery("update UserSessionTotp t set t.lastStep = :step, t.confirmed = true "
                                + "where t.userName = :userName and t.lastStep < :step and t.confirmed = :confirmed")
                        .setParameter("step", step)
                        .setParameter("userName", userName)
                        .setParameter("confirmed", !confirming)
                        .executeUpdate())
                == 1;
    }

    /** Deletes the user's secret and recovery codes. @return whether there was a secret */
    public boolean delete(String userName) {
        return transactions.write(entityManager -> {
            entityManager
                    .createQuery("delete from UserSessionRecoveryCode r where r.userName = :userName")
                    .setParameter("userName", userName)
                    .executeUpdate();
            return entityManager
                            .createQuery("delete from UserSessionTotp t where t.userName = :userName")
                            .setParameter("userName", userName)
                            .executeUpdate()
                    > 0;
        });
    }

    /** Replaces the user's recovery codes by these (hashed, see {@code RecoveryCodes}). */
    public void replaceRecoveryCodes(String userName, Collection<String> ids, Instant now) {
        transactions.write(entityManager -> {
            entityManager
                    .createQuery("delete from UserSessionRecoveryCode r where r.userName = :userName")
                    .setParameter("userName", userName)
                    .executeUpdate();
            ids.forEach(id -> entityManager.persist(new RecoveryCodeEntity(id, userName, now)));
            return null;
        });
    }

    /** Uses up a recovery code. @return whether this call used it (it existed and belonged to the user) */
    public boolean useRecoveryCode(String userName, String id) {
        return transactions.write(entityManager -> entityManager
                        .createQuery(
                                "delete from UserSessionRecoveryCode r where r.id = :id and r.userName = :userName")
                        .setParameter("id", id)
                        .setParameter("userName", userName)
                        .executeUpdate())
                == 1;
    }

    /** @return how many unused recovery codes the user has */
    public long recoveryCodesLeft(String userName) {
        return transactions.read(entityManager -> entityManager
                .createQuery("select count(r) from UserSessionRecoveryCode r where r.userName = :userName", Long.class)
                .setParameter("userName", userName)
                .getSingleResult());
    }
}
