package dev.usersession.internal.rememberme;

import dev.usersession.internal.store.DatabaseTime;
import dev.usersession.internal.store.ExpiredRows;
import dev.usersession.internal.store.StoreTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads and writes "keep me signed in" series ({@link RememberMeEntity}). A rotation is one guarded statement (the
 * token must still be the one presented), so that of two requests presenting one token on any nodes exactly one
 * rotates it.
 */
@ApplicationScoped
public class JpaRememberMe implements ExpiredRows {

    @Inject
    StoreTransactions transactions;

    /** Stores a new series. */
    public void create(String series, String tokenHash, String userName, Instant now, Instant expires) {
        transactions.write(entityManager -> {
            entityManager.persist(new RememberMeEntity(series, tokenHash, userName, now, expires));
            return null;
        });
    }

    /** @return the series */
    public Optional<RememberedSeries> find(String series) {
        return transactions.read(
                entityManager -> Optional.ofNullable(entityManager.find(RememberMeEntity.class, series))
                        .map(RememberMeEntity::toRecord));
    }

    /**
     * Binds the user's series to the key of a device-bound session of its browser, while the presented token is the
     * series' current one.
     *
     * @return whether the series exists, is the user's and holds that token
     */
    public boolean bind(String series, String tokenHash, String userName, String bindingId, String bindingKey) {
        return transactions.write(entityManager -> entityManager
                        .createQuery("update UserSessionRememberMe r set r.bindingId = :bindingId, "
                                + "r.bindingKey = :bindingKey, r.bindingChallenge = null, "
                                + "r.bindingChallengeExpiry = null where r.series = :series and r.userName = :userName "
                                + "and r.tokenHash = :tokenHash")
                        .setParameter("bindingId", bindingId)
                        .setParameter("bindingKey", bindingKey)
                        .setParameter("series", series)
                        .setParameter("userName", userName)
                        .setParameter("tokenHash", tokenHash)
                        .executeUpdate())
                == 1;
    }

    /** @return the series bound to the browser key of this binding, if any */
    public Optional<RememberedSeries> findByBinding(String bindingId) {
        return transactions.read(entityManager -> entityManager
                .createQuery(
                        "select r from UserSessionRememberMe r where r.bindingId = :bindingId", RememberMeEntity.class)
                .setParameter("bindingId", bindingId)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .map(RememberMeEntity::toRecord));
    }

    /** Sets the challenge the series' browser must sign next. @return whether the series exists */
    public boolean challenge(String series, String challenge, Instant challengeExpiry) {
        return transactions.write(entityManager -> entityManager
                        .createQuery("update UserSessionRememberMe r set r.bindingChallenge = :challenge, "
                                + "r.bindingChallengeExpiry = :expiry where r.series = :series")
                        .setParameter("challenge", challenge)
                        .setParameter("expiry", DatabaseTime.of(challengeExpiry))
                        .setParameter("series", series)
                        .executeUpdate())
                == 1;
    }

    /**
     * Uses the waiting challenge up: clears it only while it is still {@code expected}, so that of several requests
     * answering one challenge (on any node) exactly one goes on.
     *
     * @return whether this call used it
     */
    public boolean consumeChallenge(String series, String expected) {
        return transactions.write(entityManager -> entityManager
                        .createQuery("update UserSessionRememberMe r set r.bindingChallenge = null, "
                                + "r.bindingChallengeExpiry = null where r.series = :series "
                                + "and r.bindingChallenge = :expected")
                        .setParameter("series", series)
                        .setParameter("expected", expected)
                        .executeUpdate())
                == 1;
    }

    /**
     * Replaces the series' token, keeping the presented one as the previous token.
     *
     * @return whether this call rotated it (false: the presented token is no longer the current one)
     */
    public boolean rotate(String series, String presentedTokenHash, String newTokenHash, Instant now) {
        return transactions.write(entityManager -> entityManager
                        .createQuery("update UserSessionRememberMe r set r.tokenHash = :newToken, "
                                + "r.previousTokenHash = :presented, r.rotated = :now, r.tokenSeen = false "
                                + "where r.series = :series and r.tokenHash = :presented")
                        .setParameter("newToken", newTokenHash)
                        .setParameter("presented", presentedTokenHash)
                        .setParameter("now", DatabaseTime.of(now))
                        .setParameter("series", series)
                        .executeUpdate())
                == 1;
    }

    /**
     * Replaces a current token that never came back (the response that carried it was lost), keeping the previous
     * token, which the browser still holds, as the previous one.
     *
     * @return whether this call replaced it (false: the current token changed or came back meanwhile)
     */
    public boolean reissue(
            String series, String lostTokenHash, String previousTokenHash, String newTokenHash, Instant now) {
        return transactions.write(entityManager -> entityManager
                        .createQuery("update UserSessionRememberMe r set r.tokenHash = :newToken, r.rotated = :now "
                                + "where r.series = :series and r.tokenHash = :lost and r.previousTokenHash = :previous "
                                + "and r.tokenSeen = false")
                        .setParameter("newToken", newTokenHash)
                        .setParameter("now", DatabaseTime.of(now))
                        .setParameter("series", series)
                        .setParameter("lost", lostTokenHash)
                        .setParameter("previous", previousTokenHash)
                        .executeUpdate())
                == 1;
    }

    /** Records that the series' current token came back (a no-op when it is no longer current or was seen). */
    public void markSeen(String series, String tokenHash) {
        transactions.write(entityManager -> entityManager
                .createQuery("update UserSessionRememberMe r set r.tokenSeen = true "
                        + "where r.series = :series and r.tokenHash = :token and r.tokenSeen = false")
                .setParameter("series", series)
                .setParameter("token", tokenHash)
                .executeUpdate());
    }

    /** Deletes a series. */
    public void delete(String series) {
        transactions.write(entityManager -> entityManager
                .createQuery("delete from UserSessionRememberMe r where r.series = :series")
                .setParameter("series", series)
                .executeUpdate());
    }

    /** Deletes every series of a user but {@code keptSeries} (may be null). @return how many */
    public int deleteAllOf(String userName, String keptSeries) {
        return transactions.write(entityManager -> entityManager
                .createQuery(
                        "delete from UserSessionRememberMe r where r.userName = :userName " + "and r.series <> :kept")
                .setParameter("userName", userName)
                .setParameter("kept", keptSeries == null ? "" : keptSeries)
                .executeUpdate());
    }

    @Override
    public int deleteExpired(Instant now) {
        return transactions.write(entityManager -> entityManager
                .createQuery("delete from UserSessionRememberMe r where r.expires <= :now")
                .setParameter("now", DatabaseTime.of(now))
                .executeUpdate());
    }

    @Override
    public String description() {
        return "expired \"keep me signed in\" series";
    }
}
