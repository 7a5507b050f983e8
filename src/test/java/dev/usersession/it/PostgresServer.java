package dev.usersession.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * This machine's PostgreSQL cluster (Debian's {@code pg_ctlcluster}; the tests run as root, as CI does), stopped and
 * started by the tests that take the database away from a running server.
 */
public final class PostgresServer {

    private PostgresServer() {}

    /** Stops it at once ({@code -m fast}: connections are cut, nothing is lost). */
    public static void stop() throws IOException, InterruptedException {
        pgCtlCluster("stop", "-m", "fast");
    }

    /** Starts it and returns when it accepts connections. */
    public static void start() throws IOException, InterruptedException {
        pgCtlCluster("start");
    }

    private static void pgCtlCluster(String... action) throws IOException, InterruptedException {
        String version;
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            version = versions.map(path -> path.getFileName().toString())
                    .sorted()
                    .reduce((a, b) -> b)
                    .orElseThrow();
        }
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main"));
        command.addAll(List.of(action));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("pg_ctlcluster " + String.join(" ", action) + " failed: "
                    + new String(process.getInputStream().readAllBytes()));
        }
    }
}
