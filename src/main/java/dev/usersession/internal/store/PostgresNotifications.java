package dev.usersession.internal.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The notifications PostgreSQL delivers to one connection that listens, through the driver's own API
 * ({@code org.postgresql.PGConnection#getNotifications(int)}), reached by reflection: the application's class loader
 * need not see the driver (WildFly deploys it apart). The connection is one lent by the persistence unit's pool; the
 * driver's connection is found behind the pool's wrapper through the standard {@link Connection#unwrap}, with the
 * driver's interface loaded by the class loader of the driver's own objects.
 */
final class PostgresNotifications {

    /** The channel of the library's notifications ({@code LISTEN usersession}). */
    static final String CHANNEL = "usersession";

    /**
     * The {@code application_name} of a listening connection while it listens, so that an operator sees it in
     * {@code pg_stat_activity}.
     */
    static final String APPLICATION_NAME = "usersession listener";

    private static final String DRIVER_CONNECTION = "org.postgresql.PGConnection";
    private static final int ABANDON_TIMEOUT_MILLIS = 1_000;

    private final Connection lent;
    private final boolean lentAutoCommit;
    private final Object driverConnection;
    private final Method receive;
    private final Method parameter;

    private PostgresNotifications(
            Connection lent, boolean lentAutoCommit, Object driverConnection, Method receive, Method parameter) {
        this.lent = lent;
        this.lentAutoCommit = lentAutoCommit;
        this.driverConnection = driverConnection;
        this.receive = receive;
        this.parameter = parameter;
    }

    /**
     * Starts listening on the connection, in auto-commit ({@code LISTEN} takes effect at commit, and the driver
     * delivers notifications only outside a transaction) until {@link #close()}.
     *
     * @return the notifications of the connection, or empty when it is not PostgreSQL's driver
     */
    static Optional<PostgresNotifications> listen(Connection lent) throws SQLException {
        for (ClassLoader loader : candidateLoaders(lent)) {
            try {
                Class<?> type = Class.forName(DRIVER_CONNECTION, false, loader);
                Object driver = type.isInstance(lent) ? lent : lent.isWrapperFor(type) ? lent.unwrap(type) : null;
                if (driver == null) {
                    continue;
                }
                Method receive = type.getMethod("getNotifications", int.class);
                Method parameter = Class.forName("org.postgresql.PGNotification", false, type.getClassLoader())
                        .getMethod("getParameter");
                boolean autoCommit = lent.getAutoCommit();
                if (!autoCommit) {
                    lent.commit();
                    lent.setAutoCommit(true);
                }
                try (Statement statement = lent.createStatement()) {
                    statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
                    statement.execute("LISTEN " + CHANNEL);
                }
                return Optional.of(new PostgresNotifications(lent, autoCommit, driver, receive, parameter));
            } catch (ReflectiveOperationException | LinkageError notHere) {
                // try the next class loader
            }
        }
        return Optional.empty();
    }

    private static List<ClassLoader> candidateLoaders(Connection lent) throws SQLException {
        // The application's loaders see the driver where the server shares it (Payara's common class loader, Java
        // SE); on WildFly the driver's own metadata object (which its pool does not wrap) leads to the driver's.
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(Thread.currentThread().getContextClassLoader());
        loaders.add(PostgresNotifications.class.getClassLoader());
        DatabaseMetaData metaData = lent.getMetaData();
        loaders.add(metaData.getClass().getClassLoader());
        loaders.removeIf(loader -> loader == null);
        return loaders;
    }

    /**
     * Waits up to {@code timeoutMillis} for notifications of the channel.
     *
     * @return their payloads, in the order their transactions committed; empty when none came
     * @throws SQLException when the connection broke
     */
    List<String> receive(int timeoutMillis) throws SQLException {
        Object[] received = (Object[]) call(receive, driverConnection, timeoutMillis);
        if (received == null) {
            return List.of();
        }
        List<String> payloads = new ArrayList<>(received.length);
        for (Object notification : received) {
            payloads.add((String) call(parameter, notification));
        }
        return payloads;
    }

    /**
     * Gives the connection up after it failed or stopped delivering: one statement with a short network timeout; when
     * the connection answers after all, it stops listening and goes back to the pool as it was lent; when it does
     * not, it fails where the pool sees it (a pool with PostgreSQL's exception sorter drops it) and is aborted, so
     * that a pool that checks {@link Connection#isClosed()} drops it too.
     *
     * @param networkTimeout the network timeout the connection was lent with
     */
    void abandon(int networkTimeout) {
        try {
            lent.setNetworkTimeout(Runnable::run, ABANDON_TIMEOUT_MILLIS);
            try (Statement statement = lent.createStatement()) {
                statement.execute("SELECT 1");
            }
            close(networkTimeout);
        } catch (SQLException | RuntimeException broken) {
            try {
                lent.abort(Runnable::run);
            } catch (SQLException | RuntimeException alreadyGone) {
                // closed either way
            }
        }
    }

    /**
     * Stops listening, and leaves the connection as it was lent (it goes back to the pool).
     *
     * @param networkTimeout the network timeout the connection was lent with
     */
    void close(int networkTimeout) throws SQLException {
        try (Statement statement = lent.createStatement()) {
            statement.execute("UNLISTEN " + CHANNEL);
            statement.execute("RESET application_name");
        }
        if (!lentAutoCommit) {
            lent.setAutoCommit(false);
        }
        lent.setNetworkTimeout(Runnable::run, networkTimeout);
    }

    private static Object call(Method method, Object target, Object... arguments) throws SQLException {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException failed) {
                throw failed;
            }
            throw new SQLException("PostgreSQL's driver failed to deliver notifications", e.getCause());
        } catch (IllegalAccessException e) {
            throw new SQLException("PostgreSQL's driver cannot be called", e);
        }
    }
}
