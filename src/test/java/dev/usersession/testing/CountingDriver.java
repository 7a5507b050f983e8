package dev.usersession.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@code jdbc:counting:<the real URL without jdbc:>} that records the SQL of every statement the
 * JPA provider executes, whichever provider it is: the unit tests' statement budget is counted here, below Hibernate
 * and EclipseLink alike.
 */
public final class CountingDriver implements Driver {

    /** The URL prefix this driver answers to. */
    public static final String PREFIX = "jdbc:counting:";

    private static final List<String> EXECUTED = new CopyOnWriteArrayList<>();

    static {
        try {
            DriverManager.registerDriver(new CountingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** @return the counting URL for a real JDBC URL */
    public static String wrap(String url) {
        return PREFIX + url.substring("jdbc:".length());
    }

    /**
     * @return {@code false} on the session cache's channel thread: its reads of the change log are not statements of the requests
     *     a test counts
     */
    private static boolean countsThisThread() {
        return !Thread.currentThread().getName().equals(CACHE_CHANNEL_THREAD);
    }

    /** The name of the library's session cache channel thread. */
    public static final String CACHE_CHANNEL_THREAD = "usersession-cache-channel";

    /** Forgets the statements executed so far. */
    public static void clear() {
        EXECUTED.clear();
    }

    /** @return the SQL of the statements executed since the last {@link #clear()}, in order */
    public static List<String> executed() {
        return List.copyOf(EXECUTED);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection connection = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
        return proxy(Connection.class, connection, (target, method, arguments) -> {
            Object result = method.invoke(target, arguments);
            if (result instanceof PreparedStatement prepared && method.getName().equals("prepareStatement")) {
                String sql = (String) arguments[0];
                return proxy(PreparedStatement.class, prepared, (statement, call, values) -> {
                    if (call.getName().startsWith("execute") && countsThisThread()) {
                        EXECUTED.add(sql);
                    }
                    return call.invoke(statement, values);
                });
            }
            if (result instanceof Statement plain && method.getName().equals("createStatement")) {
                return proxy(Statement.class, plain, (statement, call, values) -> {
                    if (call.getName().startsWith("execute")
                            && values != null
                            && values.length > 0
                            && countsThisThread()) {
                        EXECUTED.add(String.valueOf(values[0]));
                    }
                    return call.invoke(statement, values);
                });
            }
            return result;
        });
    }

    private interface Call {
        Object on(Object target, Method method, Object[] arguments) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            // A proxy equals itself: forwarded, equals would ask the target whether it equals the proxy, and a pool
            // that finds its lent connections by equality (Hibernate's) would never see this one come back.
            if (method.getName().equals("equals")
                    && arguments != null
                    && arguments.length == 1
                    && method.getParameterTypes()[0] == Object.class) {
                return proxy == arguments[0];
            }
            if (method.getName().equals("hashCode") && (arguments == null || arguments.length == 0)) {
                return System.identityHashCode(proxy);
            }
            try {
                return call.on(target, method, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
