package dev.usersession.jpa;

import dev.usersession.UserSessionPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.transaction.Transactional;
import java.util.function.Function;

/**
 * Runs the store's work with the application's {@link UserSessionPersistence} entity manager. Writes run in one
 * transaction: a JTA transaction of the container when the persistence unit is JTA ({@link Transactional}), or a
 * resource-local transaction begun and committed here when it is not (Java SE).
 */
@ApplicationScoped
public class StoreTransactions {

    private volatile Instance<EntityManager> entityManagers;

    /** @return what the work returned, run without a transaction of its own */
    public <T> T read(Function<EntityManager, T> work) {
        Instance<EntityManager> source = entityManagers();
        EntityManager entityManager = source.get();
        try {
            return work.apply(entityManager);
        } finally {
            source.destroy(entityManager);
        }
    }

    /** @return what the work returned, run in one transaction that commits or rolls back as a whole */
    @Transactional
    public <T> T write(Function<EntityManager, T> work) {
        Instance<EntityManager> source = entityManagers();
        EntityManager entityManager = source.get();
        try {
            if (entityManager.isJoinedToTransaction()) {
                // The container's JTA transaction of this method (or a caller's resource-local one) is running:
                // never call getTransaction() then, EclipseLink marks a JTA transaction for rollback when asked.
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
        } finally {
            source.destroy(entityManager);
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
