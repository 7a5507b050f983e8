package dev.usersession.internal.login;

import dev.usersession.internal.store.ConstraintViolations;
import dev.usersession.internal.store.DatabaseTime;
import dev.usersession.internal.store.ExpiredRows;
import dev.usersession.internal.store.StoreTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Reads and writes the rows of login throttling ({@link LoginCounterEntity}) and of trusted login devices
 * ({@link LoginDeviceEntity}). Counters are changed only under a database row lock, so that parallel logins on any
 * number of nodes are counted one after another.
 */
@ApplicationScoped
public class JpaLoginRecords implements ExpiredRows {

    /** How often a transaction that lost the race to create a counter row is tried again. */
    private static final int CREATE_RACES = 5;

    @Inject
    StoreTransactions transactions;

    /**
     * Locks the counters of these subjects (a missing one is created with no attempts), lets {@code decide} read them
     * and pass on changed counters, and stores the changes, all in one transaction. Subjects are locked in one order
     * (sorted), so that concurrent callers queue up and never deadlock. A row created here that ends with nothing
     * counted (the attempt was refused, or a success cleared it) is removed again before the commit: a refused
     * attempt leaves no row behind.
     *
     * @param decide gets the counters by subject and a sink for changed counters; its result is returned
     * @return what {@code decide} returned
     */
    public <R> R update(
            Collection<String> subjects,
            Instant now,
            BiFunction<Map<String, LoginCounter>, Consumer<LoginCounter>, R> decide) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.write(entityManager -> updateLocked(entityManager, subjects, now, decide));
            } catch (RuntimeException e) {
                // Two first attempts of one subject both created its row: one of them lost and is tried again.
                if (attempt >= CREATE_RACES || !ConstraintViolations.isLostRace(e)) {
                    throw e;
                }
            }
        }
    }

    private static <R> R updateLocked(
            EntityManager entityManager,
            Collection<String> subjects,
            Instant now,
            BiFunction<Map<String, LoginCounter>, Consumer<LoginCounter>, R> decide) {
        Map<String, LoginCounterEntity> rows = new LinkedHashMap<>();
        List<LoginCounterEntity> created = new ArrayList<>();
        for (String subject : new TreeSet<>(subjects)) {
            LoginCounterEntity row =
                    entityManager.find(LoginCounterEntity.class, subject, LockModeType.PESSIMISTIC_WRITE);
            if (row == null) {
                // Created (and flushed) now rather than after the decision: the insert is what queues a parallel
                // first attempt of the same subject behind this one.
                row = new LoginCounterEntity(subject, now);
                entityManager.persist(row);
                entityManager.flush();
                created.add(row);
            }
            rows.put(subject, row);
        }
        Map<String, LoginCounter> counters = new LinkedHashMap<>();
        rows.forEach((subject, row) -> counters.put(subject, row.toRecord()));
        R result = decide.apply(counters, changed -> rows.get(changed.subject()).set(changed, now));
        created.stream().filter(LoginCounterEntity::isEmpty).forEach(entityManager::remove);
        return result;
    }

    /** Deletes the counters of these subjects (a success clears them). */
    public void reset(Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        transactions.write(entityManager -> entityManager
                .createQuery("delete from UserSessionLoginCounter c where c.subject in :subjects")
                .setParameter("subjects", List.copyOf(subjects))
                .executeUpdate());
    }

    /** @return whether this device is a live trusted device of exactly this user */
    public boolean isTrustedDevice(String deviceId, String userName, Instant now) {
        return transactions.read(entityManager -> {
            LoginDeviceEntity device = entityManager.find(LoginDeviceEntity.class, deviceId);
            return device != null && device.userName().equals(userName) && device.isLiveAt(now);
        });
    }

    /**
     * Records a device that has just logged in as a user, and forgets the user's oldest devices beyond
     * {@code maxPerUser}.
     */
    public void addDevice(String deviceId, String userName, Instant now, Instant expires, int maxPerUser) {
        transactions.write(entityManager -> {
            entityManager.persist(new LoginDeviceEntity(deviceId, userName, now, expires));
            entityManager.flush();
            List<String> beyond = entityManager
                    .createQuery(
                            "select d.id from UserSessionLoginDevice d "
                                    + "where d.userName = :userName order by d.created desc, d.id",
                            String.class)
                    .setParameter("userName", userName)
                    .setFirstResult(maxPerUser)
                    .getResultList();
            if (!beyond.isEmpty()) {
                entityManager
                        .createQuery("delete from UserSessionLoginDevice d where d.id in :ids")
                        .setParameter("ids", beyond)
                        .executeUpdate();
            }
            return null;
        });
    }

    /** Forgets every trusted device of a user (the account was deleted or disabled). */
    public void deleteDevicesOf(String userName) {
        transactions.write(entityManager -> entityManager
                .createQuery("delete from UserSessionLoginDevice d where d.userName = :userName")
                .setParameter("userName", userName)
                .executeUpdate());
    }

    /** Counters untouched this long are forgotten, unless they are a lock. */
    public static final Duration STALE_AFTER = Duration.ofDays(1);

    /**
     * Deletes counters untouched for {@link #STALE_AFTER} that are not a lock ({@link LoginCounter#LOCK_AFTER}: a
     * lock is kept until a success or a reset clears it), and devices expired at {@code now}.
     *
     * @return how many rows were deleted
     */
    @Override
    public int deleteExpired(Instant now) {
        Instant before = now.minus(STALE_AFTER);
        int keepFrom = LoginCounter.LOCK_AFTER;
        return transactions.write(entityManager -> entityManager
                        .createQuery("delete from UserSessionLoginCounter c where c.updated < :before "
                                + "and c.attempts < :keepFrom")
                        .setParameter("before", DatabaseTime.of(before))
                        .setParameter("keepFrom", keepFrom)
                        .executeUpdate()
                + entityManager
                        .createQuery("delete from UserSessionLoginDevice d where d.expires <= :now")
                        .setParameter("now", DatabaseTime.of(now))
                        .executeUpdate());
    }

    @Override
    public String description() {
        return "stale login counters and expired login devices";
    }
}
