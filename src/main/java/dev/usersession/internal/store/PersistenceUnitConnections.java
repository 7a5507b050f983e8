package dev.usersession.internal.store;

import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lends JDBC connections of the application's persistence unit itself (the data source or pool its provider was
 * given), for one statement that needs no entity manager and no JTA transaction: a caller that suspended every
 * transaction gets a connection enlisted in none, which commits each statement on its own (auto-commit) on WildFly's
 * data sources. Found through Hibernate's {@code ConnectionProvider} service, the one way that JPA 3.1 (WildFly 39)
 * leaves; with another provider {@link #of} answers empty and the caller keeps to its entity manager.
 *
 * <p>{@link #toListen} also finds EclipseLink's (Payara): its server session's read login, which connects to the
 * persistence unit's non-transactional data source (Payara makes one of the JTA data source), or in Java SE through
 * its own JDBC settings. That is for a connection kept apart for a long time, not for writes.
 */
final class PersistenceUnitConnections {

    private static final Logger LOG = Logger.getLogger(PersistenceUnitConnections.class.getName());

    private final Object provider;
    private final Method borrow;
    private final Object[] borrowArguments;
    private final Method giveBack;

    private PersistenceUnitConnections(Object provider, Method borrow, Object[] borrowArguments, Method giveBack) {
        this.provider = provider;
        this.borrow = borrow;
        this.borrowArguments = borrowArguments;
        this.giveBack = giveBack;
    }

    /**
     * @return the persistence unit's connections for a connection held a long time apart from any transaction
     *     (Hibernate or EclipseLink), else empty
     */
    static Optional<PersistenceUnitConnections> toListen(EntityManagerFactory factory) {
        Optional<PersistenceUnitConnections> hibernate = of(factory);
        return hibernate.isPresent() ? hibernate : eclipseLink(factory);
    }

    private static Optional<PersistenceUnitConnections> eclipseLink(EntityManagerFactory factory) {
        try {
            ClassLoader eclipseLink = factory.getClass().getClassLoader();
            Class<?> serverType = Class.forName("org.eclipse.persistence.sessions.server.Server", false, eclipseLink);
            Class<?> sessionType = Class.forName("org.eclipse.persistence.sessions.Session", false, eclipseLink);
            Class<?> loginType = Class.forName("org.eclipse.persistence.sessions.DatasourceLogin", false, eclipseLink);
            Class<?> accessorType =
                    Class.forName("org.eclipse.persistence.internal.databaseaccess.Accessor", false, eclipseLink);
            Object server = factory.unwrap(serverType);
            Object pool = serverType.getMethod("getReadConnectionPool").invoke(server);
            Object login = pool.getClass().getMethod("getLogin").invoke(pool);
            if (!loginType.isInstance(login)) {
                login = serverType.getMethod("getDatasourceLogin").invoke(server);
            }
            return Optional.of(new PersistenceUnitConnections(
                    login,
                    loginType.getMethod("connectToDatasource", accessorType, sessionType),
                    new Object[] {null, server},
                    Connection.class.getMethod("close")));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notEclipseLink) {
            LOG.log(Level.FINE, "No EclipseLink connection to listen on", notEclipseLink);
            return Optional.empty();
        }
    }

    /** @return the persistence unit's connections when its provider is Hibernate, else empty */
    static Optional<PersistenceUnitConnections> of(EntityManagerFactory factory) {
        try {
            ClassLoader hibernate = factory.getClass().getClassLoader();
            Class<?> sessionFactoryType =
                    Class.forName("org.hibernate.engine.spi.SessionFactoryImplementor", false, hibernate);
            Class<?> providerType =
                    Class.forName("org.hibernate.engine.jdbc.connections.spi.ConnectionProvider", false, hibernate);
            Object sessionFactory = factory.unwrap(sessionFactoryType);
            Object registry = sessionFactoryType.getMethod("getServiceRegistry").invoke(sessionFactory);
            Object provider = Class.forName("org.hibernate.service.ServiceRegistry", false, hibernate)
                    .getMethod("getService", Class.class)
                    .invoke(registry, providerType);
            if (provider == null) {
                return Optional.empty();
            }
            return Optional.of(new PersistenceUnitConnections(
                    provider,
                    providerType.getMethod("getConnection"),
                    new Object[0],
                    providerType.getMethod("closeConnection", Connection.class)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notHibernate) {
            LOG.log(
                    Level.FINE,
                    "No connection access to the persistence unit outside its entity manager",
                    notHibernate);
            return Optional.empty();
        }
    }

    /** What runs on a lent connection. */
    @FunctionalInterface
    interface Work<T> {
        /** @return what the work found */
        T run(Connection connection) throws SQLException;
    }

    /**
     * @return what the work returned, run on a connection that is given back afterwards, whatever happened; a
     *         failure to give it back after work that succeeded is logged, not thrown (what the work committed stays
     *         committed, and the caller must not report it as lost)
     */
    <T> T withConnection(Work<T> work) throws SQLException {
        Connection connection = (Connection) call(borrow, borrowArguments);
        T result;
        try {
            result = work.run(connection);
        } catch (Throwable failed) {
            try {
                giveBack(connection);
            } catch (SQLException | RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
        try {
            giveBack(connection);
        } catch (SQLException | RuntimeException notGivenBack) {
            LOG.log(
                    Level.WARNING,
                    "usersession could not give a connection back to the persistence unit's pool",
                    notGivenBack);
        }
        return result;
    }

    private void giveBack(Connection connection) throws SQLException {
        if (giveBack.getDeclaringClass() == Connection.class) {
            connection.close();
        } else {
            call(giveBack, connection);
        }
    }

    private Object call(Method method, Object... arguments) throws SQLException {
        try {
            return method.invoke(provider, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException failed) {
                throw failed;
            }
            if (cause instanceof RuntimeException failed) {
                throw failed;
            }
            if (cause instanceof Error failed) {
                throw failed;
            }
            throw new SQLException("The persistence unit's connection provider failed", cause);
        } catch (IllegalAccessException e) {
            throw new SQLException("The persistence unit's connection provider cannot be called", e);
        }
    }
}
