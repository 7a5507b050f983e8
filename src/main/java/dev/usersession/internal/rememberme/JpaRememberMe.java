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
