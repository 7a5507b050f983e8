package dev.usersession.internal.store;

import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.UserSessionConflictException;
import dev.usersession.UserSessionNotFoundException;
import dev.usersession.spi.BeanStateChange;
import dev.usersession.spi.BeanStateRecord;
import dev.usersession.spi.DeviceBinding;
import dev.usersession.spi.SessionRecord;
import dev.usersession.spi.SessionSearch;
import dev.usersession.spi.UserSessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The {@link UserSessionStore} over the application's JPA persistence unit, with the entities
 * {@link UserSessionEntity} and {@link UserSessionBeanEntity}. Uses the JPA API and JPQL, so it runs on Hibernate and
 * EclipseLink alike; on PostgreSQL and MariaDB the common write is one native statement ({@link SingleStatementWrite}).
 */
@ApplicationScoped
public class JpaUserSessionStore implements UserSessionStore {

    @Inject
    StoreTransactions transactions;

    @Inject
    UserSessionClock clock;

    @Inject
    CachedSessions cached;

    @Inject
    UserSessionConfig config;

    private final SingleStatementWrite singleStatement = new SingleStatementWrite();

    @Override
    public void create(SessionRecord session) {
        transactions.write(entityManager -> {
            entityManager.persist(UserSessionEntity.of(session));
            return null;
        });
    }

    @Override
    public Optional<SessionRecord> find(String sessionId) {
        return cached.find(
                sessionId,
                clock.now(),
                () -> transactions.read(
                        entityManager -> Optional.ofNullable(entityManager.find(UserSessionEntity.class, sessionId))
                                .map(UserSessionEntity::toCachedRow)));
    }

    @Override
    public Map<String, BeanStateRecord> findBeanStates(String sessionId) {
        return transactions.read(entityManager -> {
            Map<String, BeanStateRecord> states = new HashMap<>();
            entityManager
                    .createQuery(
                            "select b from UserSessionBeanEntity b where b.sessionId = :sessionId",
                            UserSessionBeanEntity.class)
                    .setParameter("sessionId", sessionId)
                    .getResultList()
                    .forEach(row -> {
                        BeanStateRecord state = row.toRecord();
                        states.put(state.beanId(), state);
                    });
            return states;
        });
    }

    @Override
    public OptionalLong saveBeanStates(String sessionId, long expectedStateVersion, List<BeanStateChange> changes) {
        List<BeanStateChange> ordered = changes.stream()
                .sorted(Comparator.comparing(BeanStateChange::beanId))
                .toList();
        long ticket = cached.ticket();
        OptionalLong advanced = OptionalLong.empty();
        try {
            advanced = guardedWrite(sessionId, expectedStateVersion, ordered);
            return advanced;
        } finally {
            if (advanced.isPresent()) {
                cached.advanced(sessionId, ticket, expectedStateVersion, advanced.getAsLong());
            } else {
                cached.changed(sessionId);
            }
        }
    }

    private OptionalLong guardedWrite(String sessionId, long expectedStateVersion, List<BeanStateChange> ordered) {
        try {
            return write(sessionId, expectedStateVersion, ordered);
        } catch (UserSessionConflictException | UserSessionNotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            if (ConstraintViolations.isLostRace(e)) {
                throw new UserSessionConflictException(
                        sessionId,
                        "The state of session " + sessionId + " was changed "
                                + "by another request at the same time; this request's changes were not stored");
            }
            throw e;
        }
    }

    private OptionalLong write(String sessionId, long expectedStateVersion, List<BeanStateChange> ordered) {
        SingleStatementWrite.Plan single = ordered.stream().noneMatch(BeanStateChange::isNew)
                ? singleStatement.known().orElseGet(() -> transactions.read(singleStatement::ask))
                : SingleStatementWrite.Plan.NONE;
        if (single.writes(ordered) && single.autoCommit().isPresent()) {
            Object[] parameters =
                    SingleStatementWrite.parameters(sessionId, expectedStateVersion, ordered, clock.now());
            PersistenceUnitConnections connections = single.autoCommit().get();
            SingleStatementWrite.Statement statement = single.statement(ordered.size());
            Duration timeout = config.writeTimeout();
            if (transactions.autoCommitted(() -> connections.withConnection(
                    connection -> SingleStatementWrite.advanceAndUpdate(connection, statement, parameters, timeout)))) {
                return OptionalLong.of(expectedStateVersion + 1);
            }
            single = SingleStatementWrite.Plan.NONE; // it changed nothing: the general path decides what happened
        }
        SingleStatementWrite.Plan inTransaction = single;
        return transactions.write(entityManager -> {
            Instant now = clock.now();
            if (inTransaction.writes(ordered)
                    && SingleStatementWrite.advanceAndUpdate(
                            entityManager,
                            inTransaction.statement(ordered.size()),
                            SingleStatementWrite.parameters(sessionId, expectedStateVersion, ordered, now))) {
                return OptionalLong.of(expectedStateVersion + 1);
            }
            // Advancing the session row first locks it, so writers of one session queue up instead of deadlocking.
            OptionalLong newStateVersion = advanceStateVersion(entityManager, sessionId, expectedStateVersion);
            for (BeanStateChange change : ordered) {
                if (change.isNew()) {
                    insert(entityManager, sessionId, change, now);
                } else {
                    update(entityManager, sessionId, change, now);
                }
            }
            return newStateVersion;
        });
    }

    @Override
    public Optional<SessionRecord> delete(String sessionId, Consumer<SessionRecord> beforeDelete) {
        try {
            return deleteLocked(sessionId, beforeDelete);
        } finally {
            cached.changed(sessionId);
        }
    }

    private Optional<SessionRecord> deleteLocked(String sessionId, Consumer<SessionRecord> beforeDelete) {
        // The session row first, as writers lock it first: an end never deadlocks with a request of the session.
        return transactions.write(entityManager -> {
            UserSessionEntity row =
                    entityManager.find(UserSessionEntity.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
            if (row == null) {
                return Optional.<SessionRecord>empty();
            }
            SessionRecord session = row.toRecord();
            beforeDelete.accept(session);
            deleteRows(entityManager, List.of(sessionId));
            return Optional.of(session);
        });
    }

    @Override
    public Optional<SessionRecord> rotate(
            String oldSessionId, SessionRecord renewed, Consumer<SessionRecord> beforeDelete) {
        try {
            return rotateLocked(oldSessionId, renewed, beforeDelete);
        } finally {
            cached.changed(oldSessionId);
        }
    }

    private Optional<SessionRecord> rotateLocked(
            String oldSessionId, SessionRecord renewed, Consumer<SessionRecord> beforeDelete) {
        return transactions.write(entityManager -> {
            UserSessionEntity old =
                    entityManager.find(UserSessionEntity.class, oldSessionId, LockModeType.PESSIMISTIC_WRITE);
            UserSessionEntity entity = UserSessionEntity.of(renewed);
            if (old != null && !DeviceBinding.NONE.equals(renewed.binding())) {
                // The same browser: its binding as it stands now, not as the caller read it (a registration or a
                // refresh may have committed in between).
                entity.setBinding(old.toRecord().binding());
            }
            entityManager.persist(entity);
            entityManager.flush();
            if (old == null) {
                return Optional.<SessionRecord>empty();
            }
            SessionRecord session = old.toRecord();
            beforeDelete.accept(session);
            entityManager
                    .createQuery(
                            "update UserSessionBeanEntity b set b.sessionId = :renewed " + "where b.sessionId = :old")
                    .setParameter("renewed", renewed.id())
                    .setParameter("old", oldSessionId)
                    .executeUpdate();
            deleteRows(entityManager, List.of(oldSessionId));
            return Optional.of(session);
        });
    }

    /** Deletes sessions this transaction holds the row locks of, and their bean states. */
    private static void deleteRows(EntityManager entityManager, List<String> ids) {
        entityManager
                .createQuery("delete from UserSessionBeanEntity b where b.sessionId in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        entityManager
                .createQuery("delete from UserSessionEntity s where s.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    @Override
    public boolean touch(String sessionId, Instant lastAccess, Instant idleExpiry) {
        long ticket = cached.ticket();
        boolean touched = false;
        try {
            touched = touchRow(sessionId, lastAccess, idleExpiry);
            return touched;
        } finally {
            if (touched) {
                cached.touched(sessionId, ticket, lastAccess, idleExpiry);
            } else {
                cached.changed(sessionId);
            }
        }
    }

    private boolean touchRow(String sessionId, Instant lastAccess, Instant idleExpiry) {
        return transactions.write(entityManager -> entityManager
                        .createQuery("update UserSessionEntity s "
                                + "set s.lastAccess = :lastAccess, s.idleExpiry = :idleExpiry where s.id = :sessionId")
                        .setParameter("lastAccess", DatabaseTime.of(lastAccess))
                        .setParameter("idleExpiry", DatabaseTime.of(idleExpiry))
                        .setParameter("sessionId", sessionId)
                        .executeUpdate()
                == 1);
    }

    @Override
    public Optional<SessionRecord> findByBinding(String bindingId) {
        return transactions.read(entityManager -> entityManager
                .createQuery(
                        "select s from UserSessionEntity s where s.bindingId = :bindingId order by s.created desc",
                        UserSessionEntity.class)
                .setParameter("bindingId", bindingId)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .map(UserSessionEntity::toRecord));
    }

    @Override
    public boolean challengeBinding(String sessionId, String challenge, Instant challengeExpiry) {
        try {
            return setChallenge(sessionId, challenge, challengeExpiry);
        } finally {
            cached.changed(sessionId);
        }
    }

    private boolean setChallenge(String sessionId, String challenge, Instant challengeExpiry) {
        return transactions.write(entityManager -> entityManager
                        .createQuery("update UserSessionEntity s set s.bindingChallenge = :challenge, "
                                + "s.bindingChallengeExpiry = :expiry where s.id = :sessionId")
                        .setParameter("challenge", challenge)
                        .setParameter("expiry", DatabaseTime.of(challengeExpiry))
                        .setParameter("sessionId", sessionId)
                        .executeUpdate()
                == 1);
    }

    @Override
    public boolean updateBinding(String sessionId, String expectedChallenge, DeviceBinding next) {
        try {
            return replaceBinding(sessionId, expectedChallenge, next);
        } finally {
            cached.changed(sessionId);
        }
    }

    private boolean replaceBinding(String sessionId, String expectedChallenge, DeviceBinding next) {
        return transactions.write(entityManager -> entityManager
                        .createQuery("update UserSessionEntity s set s.bindingChallenge = :challenge, "
                                + "s.bindingChallengeExpiry = :challengeExpiry, s.bindingId = :bindingId, "
                                + "s.bindingKey = :bindingKey, s.boundAt = :boundAt, s.boundCookieHash = :cookieHash, "
                                + "s.boundCookiePreviousHash = :previousCookieHash, "
                                + "s.boundCookieExpiry = :cookieExpiry "
                                + "where s.id = :sessionId and s.bindingChallenge = :expected")
                        .setParameter("challenge", next.challenge())
                        .setParameter("challengeExpiry", DatabaseTime.of(next.challengeExpiry()))
                        .setParameter("bindingId", next.id())
                        .setParameter("bindingKey", next.publicKey())
                        .setParameter("boundAt", DatabaseTime.of(next.boundAt()))
                        .setParameter("cookieHash", next.cookieHash())
                        .setParameter("previousCookieHash", next.previousCookieHash())
                        .setParameter("cookieExpiry", DatabaseTime.of(next.cookieExpiry()))
                        .setParameter("sessionId", sessionId)
                        .setParameter("expected", expectedChallenge)
                        .executeUpdate()
                == 1);
    }

    @Override
    public List<SessionRecord> deleteExpired(Instant now, int limit, Consumer<SessionRecord> beforeDelete) {
        return deleteExpired(now, null, limit, beforeDelete);
    }

    @Override
    public List<SessionRecord> deleteExpired(
            Instant now, String afterId, int limit, Consumer<SessionRecord> beforeDelete) {
        try {
            return deleteExpiredBatch(now, afterId, limit, beforeDelete);
        } catch (RuntimeException e) {
            if (ConstraintViolations.isLostRace(e)) {
                // Another node is removing the same rows and the database chose this batch as the deadlock victim.
                throw new UserSessionConflictException(
                        null,
                        "Another node's clean-up of expired sessions took these "
                                + "rows at the same time; nothing of this batch was deleted");
            }
            throw e;
        }
    }

    private List<SessionRecord> deleteExpiredBatch(
            Instant now, String afterId, int limit, Consumer<SessionRecord> beforeDelete) {
        return transactions.write(entityManager -> {
            // Candidates first, then their rows locked in id order (one query with both a limit and a lock is not
            // portable), so that two nodes cleaning at once queue up on the same rows; a row another node deleted while
            // this one waited for it is no longer selected.
            TypedQuery<String> candidateQuery = entityManager
                    .createQuery(
                            "select s.id from UserSessionEntity s "
                                    + "where (s.idleExpiry <= :now or s.absoluteExpiry <= :now)"
                                    + (afterId == null ? "" : " and s.id > :afterId") + " order by s.id",
                            String.class)
                    .setParameter("now", DatabaseTime.of(now))
                    .setMaxResults(limit);
            if (afterId != null) {
                candidateQuery.setParameter("afterId", afterId);
            }
            List<String> candidates = candidateQuery.getResultList();
            if (candidates.isEmpty()) {
                return List.<SessionRecord>of();
            }
            List<SessionRecord> expired = entityManager
                    .createQuery(
                            "select s from UserSessionEntity s "
                                    + "where s.id in :ids and (s.idleExpiry <= :now or s.absoluteExpiry <= :now) order by s.id",
                            UserSessionEntity.class)
                    .setParameter("ids", candidates)
                    .setParameter("now", DatabaseTime.of(now))
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList()
                    .stream()
                    .map(UserSessionEntity::toRecord)
                    .toList();
            if (!expired.isEmpty()) {
                expired.forEach(session -> cached.changed(session.id()));
                expired.forEach(beforeDelete);
                deleteRows(
                        entityManager, expired.stream().map(SessionRecord::id).toList());
            }
            return expired;
        });
    }

    @Override
    public List<SessionRecord> search(SessionSearch search, Instant now) {
        StringBuilder query = new StringBuilder(
                "select s from UserSessionEntity s " + "where s.idleExpiry > :now and s.absoluteExpiry > :now");
        if (!search.userNamePrefix().isEmpty()) {
            query.append(" and s.userName like :prefix escape '!'");
        }
        if (!search.clientContains().isEmpty()) {
            query.append(" and lower(s.client) like :client escape '!'");
        }
        if (search.createdBefore() != null) {
            query.append(" and s.created < :createdBefore");
        }
        if (search.afterCreated() != null) {
            query.append(" and (s.created < :afterCreated or (s.created = :afterCreated and s.id < :afterId))");
        }
        query.append(" order by s.created desc, s.id desc");
        return transactions.read(entityManager -> {
            TypedQuery<UserSessionEntity> typed = entityManager
                    .createQuery(query.toString(), UserSessionEntity.class)
                    .setParameter("now", DatabaseTime.of(now))
                    .setMaxResults(search.limit());
            if (!search.userNamePrefix().isEmpty()) {
                typed.setParameter("prefix", likeEscaped(search.userNamePrefix()) + "%");
            }
            if (!search.clientContains().isEmpty()) {
                typed.setParameter(
                        "client", "%" + likeEscaped(search.clientContains().toLowerCase(Locale.ROOT)) + "%");
            }
            if (search.createdBefore() != null) {
                typed.setParameter("createdBefore", DatabaseTime.of(search.createdBefore()));
            }
            if (search.afterCreated() != null) {
                typed.setParameter("afterCreated", DatabaseTime.of(search.afterCreated()))
                        .setParameter("afterId", search.afterId());
            }
            return typed.getResultList().stream()
                    .map(UserSessionEntity::toRecord)
                    .toList();
        });
    }

    @Override
    public long countLive(Instant now) {
        return transactions.read(entityManager -> entityManager
                .createQuery(
                        "select count(s) from "
                                + "UserSessionEntity s where s.idleExpiry > :now and s.absoluteExpiry > :now",
                        Long.class)
                .setParameter("now", DatabaseTime.of(now))
                .getSingleResult());
    }

    @Override
    public void ping() {
        transactions.read(entityManager -> entityManager
                .createQuery("select count(s) from UserSessionEntity s " + "where s.id = :none", Long.class)
                .setParameter("none", "")
                .getSingleResult());
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    @Override
    public List<SessionRecord> findByUser(String userName) {
        return transactions.read(entityManager -> entityManager
                .createQuery(
                        "select s from UserSessionEntity s where s.userName = :userName " + "order by s.created, s.id",
                        UserSessionEntity.class)
                .setParameter("userName", userName)
                .getResultList()
                .stream()
                .map(UserSessionEntity::toRecord)
                .toList());
    }

    private static OptionalLong advanceStateVersion(EntityManager entityManager, String sessionId, long expected) {
        int guarded = entityManager
                .createQuery("update UserSessionEntity s set s.stateVersion = s.stateVersion + 1 "
                        + "where s.id = :sessionId and s.stateVersion = :expected")
                .setParameter("sessionId", sessionId)
                .setParameter("expected", expected)
                .executeUpdate();
        if (guarded == 1) {
            return OptionalLong.of(expected + 1);
        }
        int unguarded = entityManager
                .createQuery("update UserSessionEntity s set s.stateVersion = s.stateVersion + 1 "
                        + "where s.id = :sessionId")
                .setParameter("sessionId", sessionId)
                .executeUpdate();
        if (unguarded == 0) {
            throw new UserSessionNotFoundException("Session " + sessionId + " ended before its state was stored");
        }
        return OptionalLong.empty();
    }

    private static void update(EntityManager entityManager, String sessionId, BeanStateChange change, Instant now) {
        int updated = entityManager
                .createQuery("update UserSessionBeanEntity b "
                        + "set b.state = :state, b.version = b.version + 1, b.updated = :now "
                        + "where b.sessionId = :sessionId and b.beanId = :beanId and b.version = :version")
                .setParameter("state", change.json())
                .setParameter("now", DatabaseTime.of(now))
                .setParameter("sessionId", sessionId)
                .setParameter("beanId", change.beanId())
                .setParameter("version", change.expectedVersion())
                .executeUpdate();
        if (updated != 1) {
            throw conflict(sessionId, change);
        }
    }

    private static void insert(EntityManager entityManager, String sessionId, BeanStateChange change, Instant now) {
        try {
            entityManager.persist(new UserSessionBeanEntity(sessionId, change.beanId(), change.json(), 1, now));
            entityManager.flush();
        } catch (PersistenceException e) {
            if (ConstraintViolations.isLostRace(e)) {
                throw conflict(sessionId, change);
            }
            throw e;
        }
    }

    private static UserSessionConflictException conflict(String sessionId, BeanStateChange change) {
        return new UserSessionConflictException(
                sessionId,
                "The state of " + change.beanId() + " in session " + sessionId
                        + " was changed by another request at the same time; this request's changes were not stored");
    }
}
