package dev.usersession.internal.login;

import dev.usersession.internal.store.DatabaseTime;
import dev.usersession.internal.store.ExpiredRows;
import dev.usersession.internal.store.StoreTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads and writes {@link LoginChallenge} rows. A step is consumed under its row's lock: of several requests that
 * complete one step at once (on any node), exactly one gets it.
 */
@ApplicationScoped
public class JpaLoginChallenges implements ExpiredRows {

    @Inject
    StoreTransactions transactions;

    /** Stores a new step. */
    public void create(LoginChallenge step) {
        transactions.write(entityManager -> {
            entityManager.persist(LoginChallengeEntity.of(step));
            return null;
        });
    }

    /** @return the step with this id, expired or not */
    public Optional<LoginChallenge> find(String id) {
        return transactions.read(
                entityManager -> Optional.ofNullable(entityManager.find(LoginChallengeEntity.class, id))
                        .map(LoginChallengeEntity::toRecord));
    }

    /** Gives a step a new WebAuthn challenge (a new ceremony replaces the one before). @return whether it existed */
    public boolean setChallenge(String id, String challenge) {
        return transactions.write(entityManager -> {
            LoginChallengeEntity entity =
                    entityManager.find(LoginChallengeEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (entity == null) {
                return false;
            }
            entity.setChallenge(challenge);
            return true;
        });
    }

    /**
     * Deletes the step, under its row's lock.
     *
     * @return the step, when this call deleted it (no other call gets it then)
     */
    public Optional<LoginChallenge> consume(String id) {
        return transactions.write(entityManager -> {
            LoginChallengeEntity entity =
                    entityManager.find(LoginChallengeEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (entity == null) {
                return Optional.empty();
            }
            entityManager.remove(entity);
            return Optional.of(entity.toRecord());
        });
    }

    /** Deletes every step of a user (a password change or a removed factor ends what was pending). */
    public void deleteAllOf(String userName) {
        transactions.write(entityManager -> entityManager
                .createQuery("delete from UserSessionLoginChallenge c where c.userName = :userName")
                .setParameter("userName", userName)
                .executeUpdate());
    }

    @Override
    public int deleteExpired(Instant now) {
        return transactions.write(entityManager -> entityManager
                .createQuery("delete from UserSessionLoginChallenge c where c.expires <= :now")
                .setParameter("now", DatabaseTime.of(now))
                .executeUpdate());
    }

    @Override
    public String description() {
        return "expired login challenges";
    }
}
