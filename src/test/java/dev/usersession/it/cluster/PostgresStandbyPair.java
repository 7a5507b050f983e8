package dev.usersession.it.cluster;

import static dev.usersession.it.cluster.LocalProcesses.freePort;
import static dev.usersession.it.cluster.LocalProcesses.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Two PostgreSQL clusters of this machine's PostgreSQL (Debian's {@code /usr/lib/postgresql/<version>/bin}), made by
 * the
 * test in a directory of its own and on free ports: a primary, and a streaming standby that the primary waits for at
 * every commit ({@code synchronous_commit = on}, {@code synchronous_standby_names = 'standby1'}). The servers run as
 * the {@code postgres} user (PostgreSQL refuses root). {@link #close()} stops both and deletes everything.
 */
final class PostgresStandbyPair implements AutoCloseable {

    private static final String STANDBY_NAME = "standby1";

    private final Path bin;
    private final Path root;
    private final int primaryPort;
    private final int standbyPort;

    PostgresStandbyPair() throws IOException {
        bin = binaries();
        root = Files.createTempDirectory("usersession-failover-");
        primaryPort = freePort();
        standbyPort = freePort();
    }

    /** @return the JDBC URL a node uses: both servers, only ever the primary */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort
                + "/test?user=postgres&targetServerType=primary&connectTimeout=2&socketTimeout=10";
    }

    /** Makes and starts the primary, then the standby, and returns when the standby replicates synchronously. */
    void start() throws IOException, InterruptedException {
        run("chown", "postgres:postgres", root.toString());
        Path primary = root.resolve("primary");
        asPostgres(
                bin.resolve("initdb").toString(),
                "-D",
                primary.toString(),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync");
        Files.writeString(
                primary.resolve("postgresql.conf"),
                String.join(
                        "\n",
                        "port = " + primaryPort,
                        "listen_addresses = '127.0.0.1'",
                        "unix_socket_directories = '" + root + "'",
                        "wal_level = replica",
                        "max_wal_senders = 4",
                        "synchronous_commit = on",
                        "fsync = off",
                        "full_page_writes = off",
                        "shared_buffers = 32MB",
                        ""),
                java.nio.file.StandardOpenOption.APPEND);
        pgCtl(primary, "start");
        asPostgres(
                bin.resolve("psql").toString(),
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(primaryPort),
                "-U",
                "postgres",
                "-c",
                "create database test");
        Path standby = root.resolve("standby");
        asPostgres(
                bin.resolve("pg_basebackup").toString(),
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(primaryPort),
                "-U",
                "postgres",
                "-D",
                standby.toString(),
                "-R",
                "-X",
                "stream");
        Files.writeString(
                standby.resolve("postgresql.auto.conf"),
                String.join(
                        "\n",
                        "primary_conninfo = 'host=127.0.0.1 port=" + primaryPort + " user=postgres application_name="
                                + STANDBY_NAME + "'",
                        "port = " + standbyPort,
                        ""),
                java.nio.file.StandardOpenOption.APPEND);
        pgCtl(standby, "start");
        // Synchronous only now: with no standby yet, every commit on the primary (create database) would wait.
        query(primaryPort, "alter system set synchronous_standby_names = '" + STANDBY_NAME + "'");
        query(primaryPort, "select pg_reload_conf()");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!query(
                        primaryPort,
                        "select sync_state from pg_stat_replication where application_name = '" + STANDBY_NAME + "'")
                .equals("sync")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The standby did not become synchronous within 30 s");
            }
            Thread.sleep(200);
        }
    }

    /** Kills the primary as a dying machine would: SIGKILL to the postmaster and every process it started. */
    void killPrimary() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(root.resolve("primary/postmaster.pid"))
                .get(0)
                .trim());
        ProcessHandle.of(pid).ifPresent(postmaster -> {
            List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
            all.add(postmaster);
            all.forEach(ProcessHandle::destroyForcibly);
        });
    }

    /** Promotes the standby ({@code pg_ctl promote}) and returns when it accepts writes. */
    void promoteStandby() throws IOException, InterruptedException {
        pgCtl(root.resolve("standby"), "promote");
    }

    /** @return whether the standby still is in recovery (not promoted): it refuses writes */
    boolean standbyInRecovery() throws IOException, InterruptedException {
        return query(standbyPort, "select pg_is_in_recovery()").equals("t");
    }

    /** @return what a query answers on the standby (after promotion: the surviving database) */
    String queryStandby(String sql) throws IOException, InterruptedException {
        return query(standbyPort, sql);
    }

    @Override
    public void close() throws IOException {
        for (String server : new String[] {"standby", "primary"}) {
            Path data = root.resolve(server);
            if (Files.exists(data.resolve("postmaster.pid"))) {
                asPostgresQuietly(
                        bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private String query(int port, String sql) throws IOException, InterruptedException {
        return asPostgres(
                        bin.resolve("psql").toString(),
                        "-h",
                        "127.0.0.1",
                        "-p",
                        String.valueOf(port),
                        "-U",
                        "postgres",
                        "-d",
                        "test",
                        "-tAc",
                        sql)
                .trim();
    }

    private void pgCtl(Path data, String action) throws IOException, InterruptedException {
        asPostgres(
                bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data + ".log", "-w", "-t", "60", action);
    }

    private String asPostgres(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        return run(full.toArray(String[]::new));
    }

    private void asPostgresQuietly(String... command) {
        try {
            asPostgres(command);
        } catch (IOException | InterruptedException | IllegalStateException e) {
            // already gone
        }
    }

    private static Path binaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.sorted(Comparator.reverseOrder())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL under /usr/lib/postgresql"))
                    .resolve("bin");
        }
    }
}
