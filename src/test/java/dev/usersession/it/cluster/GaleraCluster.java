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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A MariaDB Galera cluster of three nodes made by the test from this machine's Debian packages ({@code mariadb-server}
 * and {@code galera-4}): three {@code mariadbd} processes with {@code wsrep} on, each with its own data directory and
 * free ports (SQL, group communication, incremental and full state transfer), in a directory of the test's own. The
 * first node starts a new cluster; the other two join it and receive its data by rsync. The servers run as the
 * {@code mysql} user. {@link #close()} kills all three and deletes everything.
 */
final class GaleraCluster implements AutoCloseable {

    static final int SIZE = 3;
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");

    private final Path root;
    private final int[] sqlPorts = new int[SIZE];
    private final int[] groupPorts = new int[SIZE];
    private final int[] incrementalPorts = new int[SIZE];
    private final int[] snapshotPorts = new int[SIZE];
    private final Process[] servers = new Process[SIZE];

    GaleraCluster() throws IOException {
        for (Path required :
                List.of(SERVER, PROVIDER, Path.of("/usr/bin/mariadb-install-db"), Path.of("/usr/bin/rsync"))) {
            if (!Files.isExecutable(required) && !Files.isRegularFile(required)) {
                throw new IllegalStateException("The Galera tests need " + required
                        + " (Debian packages mariadb-server, " + "galera-4 and rsync; .ci/run installs them)");
            }
        }
        root = Files.createTempDirectory("usersession-galera-");
        for (int node = 0; node < SIZE; node++) {
            sqlPorts[node] = freePort();
            groupPorts[node] = freePort();
            incrementalPorts[node] = freePort();
            snapshotPorts[node] = freePort();
        }
    }

    /**
     * @return the JDBC URL of a WildFly node that prefers Galera node {@code first} and fails over to the others in
     *     order (MariaDB Connector/J's {@code sequential} mode); its reads wait until the node has applied every
     *     write committed anywhere before them ({@code wsrep_sync_wait=1}), so that a request on one WildFly node
     *     sees what the previous request of its session stored through the other; when no node takes a connection
     *     it gives up after two rounds ({@code retriesAllDown}; the driver's default of 120 rounds holds a request
     *     for half a minute and more); a node that refused a connection is skipped for 2 s, not the default 60
     *     ({@code deniedListTimeout}: with the default, a node kept away from the one Galera node left after a new
     *     bootstrap for a minute)
     */
    String jdbcUrl(int first) {
        String hosts = IntStream.range(0, SIZE)
                .map(i -> sqlPorts[(first + i) % SIZE])
                .mapToObj(port -> "127.0.0.1:" + port)
                .collect(Collectors.joining(","));
        return "jdbc:mariadb:sequential://" + hosts + "/test?user=root&connectTimeout=2000&socketTimeout=10000"
                + "&retriesAllDown=2&deniedListTimeout=2000&sessionVariables=wsrep_sync_wait=1";
    }

    /** Initialises the first node's data, starts a new cluster on it, lets the others join, and makes {@code test}. */
    void start() throws IOException, InterruptedException {
        run("chown", "mysql:mysql", root.toString());
        run(
                "mariadb-install-db",
                "--no-defaults",
                "--datadir=" + data(0),
                "--user=mysql",
                "--auth-root-authentication-method=normal",
                "--skip-test-db");
        for (int node = 1; node < SIZE; node++) {
            Files.createDirectories(data(node)); // filled by the state transfer from the first node
        }
        run("chown", "-R", "mysql:mysql", root.toString());
        start(0, true);
        awaitSynced(0);
        for (int node = 1; node < SIZE; node++) {
            start(node, false);
            awaitSynced(node); // one joiner at a time: the donor serves one full state transfer at a time
        }
        query(0, "create database test");
    }

    /** Kills one node as a dying machine would (SIGKILL to it and anything it started). */
    void kill(int node) {
        Process server = servers[node];
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
            servers[node] = null;
        }
    }

    /** Makes the node's component primary again after it lost quorum ({@code pc.bootstrap}). */
    void bootstrap(int node) throws IOException, InterruptedException {
        query(node, "set global wsrep_provider_options = 'pc.bootstrap=YES'");
    }

    /** @return the node's {@code wsrep_cluster_status}: {@code Primary}, or {@code non-Primary} without quorum */
    String clusterStatus(int node) throws IOException, InterruptedException {
        return status(node, "wsrep_cluster_status");
    }

    /** @return the value of a {@code SHOW STATUS} variable of the node */
    String status(int node, String variable) throws IOException, InterruptedException {
        String line = query(node, "show status like '" + variable + "'");
        return line.isEmpty() ? "" : line.split("\t", 2)[1];
    }

    /** @return what the query answers on the node (tab-separated columns, no headers) */
    String query(int node, String sql) throws IOException, InterruptedException {
        return run("mariadb", "--no-defaults", "-uroot", "-h127.0.0.1", "-P" + sqlPorts[node], "-N", "-B", "-e", sql)
                .trim();
    }

    @Override
    public void close() throws IOException {
        for (int node = 0; node < SIZE; node++) {
            kill(node);
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private void start(int node, boolean newCluster) throws IOException {
        String cluster =
                IntStream.of(groupPorts).mapToObj(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        List<String> command = new ArrayList<>(List.of(
                SERVER.toString(),
                "--no-defaults",
                "--user=mysql",
                "--datadir=" + data(node),
                "--port=" + sqlPorts[node],
                "--bind-address=127.0.0.1",
                "--socket=" + root.resolve("node" + node + ".sock"),
                "--pid-file=" + root.resolve("node" + node + ".pid"),
                "--log-error=" + root.resolve("node" + node + ".err"),
                "--skip-name-resolve",
                // What Galera needs of every node: row-based replication, InnoDB, interleaved auto-increment locks.
                "--binlog-format=ROW",
                "--default-storage-engine=InnoDB",
                "--innodb-autoinc-lock-mode=2",
                // Durability comes from the other nodes (a commit is in every node's queue before it is
                // acknowledged), so the log is not flushed at each commit: what Galera's own guides advise.
                "--innodb-flush-log-at-trx-commit=0",
                "--innodb-buffer-pool-size=64M",
                "--wsrep-on=ON",
                "--wsrep-provider=" + PROVIDER,
                "--wsrep-cluster-name=usersession",
                "--wsrep-cluster-address=gcomm://" + cluster,
                "--wsrep-node-name=galera" + (node + 1),
                "--wsrep-node-address=127.0.0.1:" + groupPorts[node],
                "--wsrep-sst-method=rsync",
                "--wsrep-sst-receive-address=127.0.0.1:" + snapshotPorts[node],
                "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:" + groupPorts[node]
                        + ";ist.recv_addr=127.0.0.1:" + incrementalPorts[node] + ";gcache.size=32M"));
        if (newCluster) {
            command.add("--wsrep-new-cluster");
        }
        servers[node] = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("node" + node + ".out").toFile())
                .start();
    }

    private void awaitSynced(int node) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!servers[node].isAlive()) {
                throw new IllegalStateException("Galera node " + (node + 1) + " stopped while starting: "
                        + Files.readString(root.resolve("node" + node + ".err")));
            }
            try {
                if (status(node, "wsrep_local_state_comment").equals("Synced")) {
                    return;
                }
            } catch (IllegalStateException notYetListening) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Galera node " + (node + 1) + " did not synchronise within 60 s: "
                + Files.readString(root.resolve("node" + node + ".err")));
    }

    private Path data(int node) {
        return root.resolve("node" + node);
    }
}
