package dev.usersession.jpa;

import dev.usersession.spi.BeanStateChange;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * The common write of a changing request, one bean changed while no other request changed the session, in one SQL
 * statement where the database can: on PostgreSQL a data-modifying {@code WITH} advances the session's state version
 * (locking its row first, as every writer of a session does) and updates the bean row, both guarded by the versions
 * the request loaded. When the statement changes nothing (the session or the bean changed meanwhile, or the session
 * ended), the caller runs its general path in the same transaction, which decides between a merge, a conflict and an
 * ended session; nothing was changed by the attempt. On other databases {@link #supported} answers {@code false} and the
 * store uses its general path (two statements) only.
 *
 * <p>The statement names the library's tables ({@code user_session}, {@code user_session_bean}) as the shipped
 * schema scripts create them.
 */
final class SingleStatementWrite {

    private static final String POSTGRESQL = "with advanced as (update user_session set state_version = state_version + 1 "
            + "where id = ?1 and state_version = ?2 returning id) "
            + "update user_session_bean set state = ?3, version = version + 1, updated = ?4 "
            + "where session_id = (select id from advanced) and bean_id = ?5 and version = ?6";

    /**
     * Hibernate's hint that a native statement touches only these tables: without it, Hibernate would empty every
     * region of the application's second-level cache at each write. Other providers ignore it.
     */
    private static final String HIBERNATE_QUERY_SPACES = "org.hibernate.query.native.spaces";

    private volatile Boolean supported;

    /** @return whether the database of this entity manager runs the single statement; asked once, then remembered */
    boolean supported(EntityManager entityManager) {
        Boolean known = supported;
        if (known == null) {
            known = DatabaseProduct.isPostgreSql(entityManager);
            supported = known;
        }
        return known;
    }

    /**
     * @return {@code true} when the bean row and the session's state version were both advanced; {@code false} when
     *         nothing was changed
     */
    boolean advanceAndUpdate(EntityManager entityManager, String sessionId, long expectedStateVersion,
            BeanStateChange change, Instant now) {
        return entityManager.createNativeQuery(POSTGRESQL)
                .setHint(HIBERNATE_QUERY_SPACES, new String[] {"user_session", "user_session_bean"})
                .setParameter(1, sessionId)
                .setParameter(2, expectedStateVersion)
                .setParameter(3, change.json())
                .setParameter(4, DatabaseTime.of(now))
                .setParameter(5, change.beanId())
                .setParameter(6, change.expectedVersion())
                .executeUpdate() == 1;
    }
}
