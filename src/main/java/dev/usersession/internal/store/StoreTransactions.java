package dev.usersession.internal.store;

import dev.usersession.UserSessionConflictException;
import dev.usersession.UserSessionNotFoundException;
import dev.usersession.UserSessionPersistence;
import dev.usersession.UserSessionStoreException;
import dev.usersession.internal.errors.Causes;
import dev.usersession.internal.metrics.SessionMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the store's work with the application's {@link UserSessionPersistence} entity manager, and is the store's
 * boundary: a failure of the database (the cause chain holds a {@link PersistenceException} or an
 * {@link SQLException}, or the transaction could not commit) leaves it as a {@link UserSessionStoreException}, and
 * only as that; the library's own {@link UserSessionConflictException} and {@link UserSessionNotFoundException} pass
 * unchanged.
 *
 * <p>The store's work never joins the caller's transaction (see {@link OwnTransactions}): a write commits or rolls
 * back on its own, before this returns, so a rollback of the caller's transaction never undoes what the library
 * reported stored, a failure of the library never marks the caller's transaction for rollback, and reads never see
 * (or fill) the caller's persistence context. With a resource-local persistence unit (Java SE) a write begins and
 * commits its own resource-local transaction.
 *
 * <p>Outages of the store are logged by {@link StoreOutageLog}: one line when it fails, one when it answers again.
 */
@ApplicationScoped
public class StoreTransactions {

    @Inject
    OwnTransactions own;

    @Inject
    SessionMetrics metrics;

    @Inject
    StoreOutageLog outages;

    private volatile Instance<EntityManager> entityManagers;

    /** @return what the work returned, run outside any transaction */
    public <T> T read(Function<EntityManager, T> work) {
        long started = System.nanoTime();
        T result = guarded(() -> own.outsideTransaction(() -> withEntityManager(work)));
        metrics.storeRead(System.nanoTime() - started);
        return result;
    }

    /** @return what the work returned, run in one transaction of its own that commits or rolls back as a whole */
    public <T> T write(Function<EntityManager, T> work) {
        long started = System.nanoTime();
        T result = guarded(() ->
                own.inNewTransaction(() -> withEntityManager(entityManager -> inTransaction(entityManager, work))));
        metrics.storeWrite(System.nanoTime() - started);
        return result;
    }

    /**
     * For work on a connection of its own that commits what it changes by itself (see
     * {@link PersistenceUnitConnections}): runs it with every transaction suspended, its failures the store's like
     * those of {@link #write}. Timed as a write when it stored what it meant to; when it answers {@code false} it
     * changed nothing, and the write the caller runs then is the one timed.
     *
     * @return whether the work stored what it meant to
     */
    public boolean autoCommitted(Callable<Boolean> work) {
        long started = System.nanoTime();
        boolean stored = guarded(() -> own.outsideTransaction(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception failed) {
                throw new UserSessionStoreException("The session store failed: " + failed.getMessage(), failed);
            }
        }));
        if (stored) {
            metrics.storeWrite(System.nanoTime() - started);
        }
        return stored;
    }

    private <T> T guarded(Supplier<T> work) {
        long started = System.nanoTime();
        T result;
        try {
            result = translated(work);
        } catch (UserSessionStoreException e) {
            if (ConstraintViolations.isLostRace(e)) {
                outages.answered(); // a lost race becomes a conflict or a retry, not a failure of the store
            } else {
                metrics.storeFailure();
                outages.failed(e, started);
            }
            throw e;
        } catch (RuntimeException notTheStores) {
            outages.answered(); // the library's conflict, an ended session, or the caller's own exception
            throw notTheStores;
        }
        outages.answered();
        return result;
    }

    private static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (UserSessionConflictException | UserSessionNotFoundException | UserSessionStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isDatabaseFailure(e)) {
                throw new UserSessionStoreException("The session store failed: " + e.getMessage(), e);
            }
            throw e;
        } catch (Exception checked) {
            // A JTA commit that failed (RollbackException, HeuristicMixedException...) can leave an interceptor
            // undeclared.
            throw new UserSessionStoreException(
                    "The session store's transaction failed: " + checked.getMessage(), checked);
        }
    }

    private static boolean isDatabaseFailure(RuntimeException e) {
        return e instanceof TransactionalException
                || Causes.find(e, PersistenceException.class).isPresent()
                || Causes.find(e, SQLException.class).isPresent();
    }

    private <T> T withEntityManager(Function<EntityManager, T> work) {
        Instance<EntityManager> source = entityManagers();
        EntityManager entityManager = source.get();
        try {
            return work.apply(entityManager);
        } finally {
            source.destroy(entityManager);
        }
    }

    private static <T> T inTransaction(EntityManager entityManager, Function<EntityManager, T> work) {
        if (entityManager.isJoinedToTransaction()) {
            // The container's JTA transaction of OwnTransactions is running: never call getTransaction() then,
            // EclipseLink marks a JTA transaction for rollback when asked.
            return work.apply(entityManager);
        }
        EntityTransaction local = resourceLocalTransaction(entityManager);
        if (local == null) {
            return work.apply(entityManager);
        }
        local.begin();
        try {
            T result = work.apply(entityManager);
            local.commit();
            return result;
        } finally {
            if (local.isActive()) {
                local.rollback();
            }
        }
    }

    private static EntityTransaction resourceLocalTransaction(EntityManager entityManager) {
        try {
            return entityManager.getTransaction();
        } catch (IllegalStateException jtaEntityManager) {
            return null;
        }
    }

    private Instance<EntityManager> entityManagers() {
        Instance<EntityManager> source = entityManagers;
        if (source == null) {
            source = CDI.current().select(EntityManager.class, UserSessionPersistence.Literal.INSTANCE);
            if (source.isUnsatisfied()) {
                throw new IllegalStateException("usersession needs the application's EntityManager: add a producer "
                        + "'@Produces @UserSessionPersistence @PersistenceContext EntityManager entityManager;' "
                        + "(see dev.usersession.UserSessionPersistence)");
            }
            entityManagers = source;
        }
        return source;
    }
}
