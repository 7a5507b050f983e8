package dev.usersession.it.cluster;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Breaks the connections on which the nodes listen for changes of session rows ({@code LISTEN usersession}), over and
 * over while a test runs: either kills their PostgreSQL server processes ({@code pg_terminate_backend}: the node sees
 * the connection fail) or stops them with SIGSTOP for a few seconds ({@code kill -STOP}: the connection stays open
 * and silently delivers nothing; the tests run as root, as CI does). Closing it resumes every stopped process.
 */
final class ListenerChaos implements AutoCloseable {

    enum Kind {
        KILL,
        HANG
    }

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final Kind kind;
    private final Thread thread;
    private final Set<Integer> stopped = new LinkedHashSet<>();
    private final AtomicInteger strikes = new AtomicInteger();
    private volatile boolean running = true;

    private ListenerChaos(Kind kind) {
        this.kind = kind;
        this.thread = new Thread(this::strike, "listener-chaos");
        thread.setDaemon(true);
        thread.start();
    }

    static ListenerChaos start(Kind kind) {
        return new ListenerChaos(kind);
    }

    /** @return how many times it broke the listening connections */
    int strikes() {
        return strikes.get();
    }

    private void strike() {
        try (Connection connection = DriverManager.getConnection(URL)) {
            while (running) {
                List<Integer> listeners = listeners(connection);
                if (!listeners.isEmpty()) {
                    strikes.incrementAndGet();
                }
                if (kind == Kind.KILL) {
                    for (int pid : listeners) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("SELECT pg_terminate_backend(" + pid + ")");
                        }
                    }
                    pause(700);
                } else {
                    signal("STOP", listeners);
                    pause(3_000);
                    signal("CONT", listeners);
                    pause(500);
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The listener chaos failed", e);
        }
    }

    /** Waits without being interruptible: a signal it sends must be recorded whatever happens. */
    private void pause(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        while (running && System.nanoTime() - until < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<Integer> listeners(Connection connection) throws SQLException {
        List<Integer> pids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet found = statement.executeQuery("SELECT pid FROM pg_stat_activity "
                        + "WHERE application_name = 'usersession listener' AND pid <> pg_backend_pid()")) {
            while (found.next()) {
                pids.add(found.getInt(1));
            }
        }
        return pids;
    }

    private synchronized void signal(String signal, List<Integer> pids) throws IOException {
        for (int pid : pids) {
            if ("STOP".equals(signal)) {
                stopped.add(pid); // first: whatever happens next, close() resumes it
            }
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid))
                    .redirectErrorStream(true)
                    .start();
            try {
                kill.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops striking, and resumes every server process it ever stopped (resuming a running one does nothing). */
    @Override
    public void close() throws IOException {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        signal("CONT", List.copyOf(stopped));
    }
}
