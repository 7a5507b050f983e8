package dev.usersession.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test after which the library kept a database connection: Hibernate's pool counts the connections it lent
 * and not got back when its factory closes ({@code HHH10001023}, logged, never thrown), and {@link TestPersistence}
 * closes the factory with the test's container (checked after each test, and after each class for containers a class
 * shares). Registered for all tests through {@code META-INF/services} ({@code junit-platform.properties} switches
 * autodetection on). Hibernate logs through JBoss Logging, which the build points at {@code java.util.logging}
 * ({@code org.jboss.logging.provider=jdk}), where this listens. EclipseLink's pool says nothing of the kind.
 */
public final class ConnectionLeakCheck implements AfterEachCallback, AfterAllCallback {

    private static final String LEAK = "HHH10001023";

    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    /** Runs the closing of a persistence unit, remembering what its pool reports as not given back. */
    static void watching(Runnable close) {
        Logger root = Logger.getLogger("");
        Handler leaks = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = String.valueOf(record.getMessage());
                if (message.contains(LEAK)) {
                    Object[] parameters = record.getParameters();
                    LEAKS.add(message + (parameters == null ? "" : " " + List.of(parameters)));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        root.addHandler(leaks);
        try {
            close.run();
        } finally {
            root.removeHandler(leaks);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        failOnLeaks();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failOnLeaks();
    }

    private static void failOnLeaks() {
        List<String> found = new ArrayList<>(LEAKS);
        LEAKS.clear();
        if (!found.isEmpty()) {
            fail("A database connection was not given back before the container closed: " + found);
        }
    }
}
