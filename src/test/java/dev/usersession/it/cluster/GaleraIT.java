package dev.usersession.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.Browser;
import dev.usersession.it.Deployments;
import dev.usersession.it.app.DemoAccounts;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 17, part 2: a MariaDB Galera cluster of three nodes, every node a primary. Two WildFly nodes, each on a
 * different Galera node (and failing over to the others in order): the shipped MariaDB schema replicates, concurrent
 * changes of one session from both nodes end as 200 or 409 (Galera's certification failures included) with
 * stored == acknowledged, a killed Galera node costs the WildFly node on it a few 503s and nothing else, and a cluster
 * that lost quorum is answered 503 (never a write, never a 500) until it is made primary again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraIT {

    private static final String OUTAGE_LINE = "The session store is unavailable: ";
    private static final String RECOVERY_LINE = "The session store answers again after ";

    static GaleraCluster galera;
    static final ClusterNode NODE1 = new ClusterNode("galera-node1", 500);
    static final ClusterNode NODE2 = new ClusterNode("galera-node2", 600);

    @BeforeAll
    static void startClusterAndNodes() throws Exception {
        galera = new GaleraCluster();
        galera.start();
        NODE1.prepare(Deployments.testApplication("app", "mariadb"), galera.jdbcUrl(0));
        NODE2.prepare(Deployments.testApplication("app", "mariadb"), galera.jdbcUrl(1));
        NODE1.start();
        NODE2.start();
    }

    @AfterAll
    static void stopAll() throws Exception {
        try {
            NODE1.stop(false);
            NODE2.stop(false);
        } finally {
            if (galera != null) {
                galera.close();
            }
        }
    }

    @Test
    @Order(1)
    void theShippedMariaDbSchemaIsOnEveryGaleraNodeWithPrimaryKeysAndInnoDb() throws Exception {
        String tables = "select count(*) from information_schema.tables where table_schema = 'test'";
        String withoutPrimaryKey = tables + " and table_name not in (select table_name from "
                + "information_schema.table_constraints where table_schema = 'test' and constraint_type = 'PRIMARY KEY')";
        String notInnoDb = tables + " and engine <> 'InnoDB'";
        for (int node = 0; node < GaleraCluster.SIZE; node++) {
            assertEquals("10", galera.query(node, tables), "the library's tables on Galera node " + (node + 1));
            assertEquals(
                    "0", galera.query(node, withoutPrimaryKey), "Galera replicates only tables with a primary key");
            assertEquals("0", galera.query(node, notInnoDb), "Galera replicates only InnoDB");
        }
    }

    @Test
    @Order(2)
    void aWriteOnOneNodeIsReadOnTheOtherAtOnce() throws Exception {
        Browser first = new Browser(NODE1.url());
        first.login(first.newUser("galera-roam"), DemoAccounts.PASSWORD);
        Browser second = NODE2.browserWith(first);
        for (int i = 1; i <= 30; i++) {
            Browser writer = i % 2 == 0 ? first : second;
            Browser reader = i % 2 == 0 ? second : first;
            assertEquals(
                    String.valueOf(i), writer.postForm("test/counter/increment").body());
            assertEquals(
                    String.valueOf(i),
                    reader.get("test/counter").body(),
                    "the next request, on the other node, sees the acknowledged write (wsrep_sync_wait)");
        }
    }

    @Test
    @Order(3)
    void concurrentChangesOfOneSessionFromBothNodesAre200Or409AndNothingAcknowledgedIsLost() throws Exception {
        long certificationFailuresBefore = certificationFailures();
        Browser first = new Browser(NODE1.url());
        first.login(first.newUser("galera-race"), DemoAccounts.PASSWORD);
        Browser second = NODE2.browserWith(first);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Browser target = i % 2 == 0 ? first : second;
            sent.add(clients.submit(() ->
                    statuses.merge(target.postForm("test/counter/increment").statusCode(), 1, Integer::sum)));
        }
        for (Future<?> request : sent) {
            request.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();

        int succeeded = statuses.getOrDefault(200, 0);
        long certificationFailures = certificationFailures() - certificationFailuresBefore;
        System.out.println("GaleraIT: 300 concurrent increments of one session over two nodes on two Galera nodes: "
                + statuses + "; Galera certification failures and brute-force aborts: " + certificationFailures);
        assertEquals(300, succeeded + statuses.getOrDefault(409, 0), "only 200 or 409: " + statuses);
        assertTrue(succeeded > 0, "some succeeded: " + statuses);
        assertEquals(String.valueOf(succeeded), first.get("test/counter").body(), "stored == acknowledged");
        assertEquals(String.valueOf(succeeded), second.get("test/counter").body(), "stored == acknowledged");
    }

    @Test
    @Order(4)
    void killingOneGaleraNodeUnderLoadCostsOnlyTheNodeOnItAFewRequests() throws Exception {
        List<LoadClient> clients = new ArrayList<>();
        for (ClusterNode node : List.of(NODE1, NODE2, NODE1, NODE2)) {
            clients.add(new LoadClient(node, 20, 60_000));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        clients.forEach(pool::submit);
        Thread.sleep(3_000);
        long killed = System.nanoTime();
        clients.forEach(client -> client.mark(killed));
        galera.kill(0); // the Galera node that NODE1 prefers
        long deadline = killed + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && !clients.stream().allMatch(c -> c.firstSuccessAfterMark.get() > 0)) {
            Thread.sleep(100);
        }
        Thread.sleep(3_000);
        clients.forEach(LoadClient::stop);
        pool.shutdown();
        assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));

        String report = report("kill -9 of Galera node 1 (NODE1's)", clients, killed) + "; cluster size now "
                + galera.status(1, "wsrep_cluster_size") + ", " + galera.clusterStatus(1);
        System.out.println(report);
        for (LoadClient client : clients) {
            assertTrue(client.firstSuccessAfterMark.get() > 0, "each writer carried on: " + report);
            assertTrue(
                    client.statuses.keySet().stream().allMatch(status -> status == 200 || status == 503),
                    "only 200 and 503, never a 401 (the session went on) nor a 500: " + report);
            assertEquals(0, client.connectionFailures.get(), "the nodes kept serving: " + report);
            if (client.node() == NODE2) {
                assertEquals(
                        Map.of(200, client.requests()),
                        client.statuses,
                        "the WildFly node on a surviving Galera node saw no failure: " + report);
            }
        }
        assertStoredEqualsAcknowledged(clients, report);
    }

    @Test
    @Order(5)
    void aClusterWithoutQuorumIsAnswered503AndLoggedOnceUntilItIsPrimaryAgain() throws Exception {
        long[] logSizes = {
            Files.size(NODE1.log().toPath()), Files.size(NODE2.log().toPath())
        };
        List<LoadClient> clients = new ArrayList<>();
        for (ClusterNode node : List.of(NODE1, NODE2)) {
            clients.add(new LoadClient(node, 50, 60_000));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients.size() + 1);
        ReadinessWatch readiness = new ReadinessWatch(List.of(NODE1, NODE2));
        clients.forEach(pool::submit);
        pool.submit(readiness);
        Thread.sleep(2_000);
        long lost = System.nanoTime();
        readiness.mark(lost, false);
        galera.kill(2); // Galera node 2 is left alone: one of the two that were left, no majority
        long deadline = lost + TimeUnit.SECONDS.toNanos(30);
        while (!galera.clusterStatus(1).equals("non-Primary") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("non-Primary", galera.clusterStatus(1), "the last Galera node lost quorum");
        Thread.sleep(1_000); // the requests in flight when quorum was lost have their answers
        int[] acknowledgedWithoutQuorum =
                clients.stream().mapToInt(c -> c.lastAcknowledged.get()).toArray();
        Thread.sleep(5_000);
        int[] acknowledgedLater =
                clients.stream().mapToInt(c -> c.lastAcknowledged.get()).toArray();
        int[] unavailableWithoutQuorum =
                clients.stream().mapToInt(c -> c.statuses.getOrDefault(503, 0)).toArray();

        galera.bootstrap(1);
        long primary = System.nanoTime();
        readiness.mark(primary, true);
        clients.forEach(client -> client.mark(primary));
        deadline = primary + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline
                && !(clients.stream().allMatch(c -> c.firstSuccessAfterMark.get() > 0) && readiness.allSeen())) {
            Thread.sleep(100);
        }
        Thread.sleep(1_000);
        clients.forEach(LoadClient::stop);
        readiness.stop();
        pool.shutdown();
        assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));

        String report = report("quorum lost (Galera node 3 killed, node 2 alone), then pc.bootstrap", clients, primary)
                + String.format(
                        "; readiness DOWN after %.1f s, UP %.1f s after the bootstrap",
                        readiness.downSeconds(), readiness.upSeconds());
        System.out.println(report);
        for (int i = 0; i < clients.size(); i++) {
            LoadClient client = clients.get(i);
            assertTrue(unavailableWithoutQuorum[i] > 0, "requests without quorum were answered 503: " + report);
            assertEquals(
                    acknowledgedWithoutQuorum[i],
                    acknowledgedLater[i],
                    "nothing was written while the cluster had no quorum: " + report);
            assertTrue(client.firstSuccessAfterMark.get() > 0, "each writer resumed: " + report);
            assertTrue(
                    client.statuses.keySet().stream().allMatch(status -> status == 200 || status == 503),
                    "only 200 and 503: " + report);
        }
        assertTrue(readiness.downSeconds() < 10, "readiness said DOWN: " + report);
        assertTrue(readiness.upSeconds() < 15, "readiness said UP again: " + report);
        assertStoredEqualsAcknowledged(clients, report);
        int i = 0;
        for (ClusterNode node : List.of(NODE1, NODE2)) {
            String log = tail(node, logSizes[i++]);
            assertEquals(
                    1,
                    log.lines().filter(line -> line.contains(OUTAGE_LINE)).count(),
                    "one clear line when the store became unavailable on " + node.name() + ":\n" + log);
            assertTrue(
                    log.lines().anyMatch(line -> line.contains(OUTAGE_LINE) && line.contains("SQL state")),
                    "the line says what the database said:\n" + log);
            assertEquals(
                    1,
                    log.lines().filter(line -> line.contains(RECOVERY_LINE)).count(),
                    "one line when it answered again on " + node.name() + ":\n" + log);
        }
    }

    private static String report(String what, List<LoadClient> clients, long mark) {
        StringBuilder report = new StringBuilder("GaleraIT, " + what + ":");
        for (LoadClient client : clients) {
            long recovered = client.firstSuccessAfterMark.get();
            report.append(String.format(
                    " %s: %s, first success %.1f s after, longest wait between successes " + "%.1f s; acknowledged %d;",
                    client.node().name(),
                    client.statuses,
                    recovered == 0 ? Double.NaN : (recovered - mark) / 1e9,
                    client.longestWait.get() / 1e9,
                    client.lastAcknowledged.get()));
        }
        return report.toString();
    }

    private static void assertStoredEqualsAcknowledged(List<LoadClient> clients, String report) {
        for (LoadClient client : clients) {
            int stored =
                    Integer.parseInt(client.browser().get("test/counter").body().trim());
            // A commit certified just before its Galera node died is stored though its answer was lost (a 503):
            // stored may exceed acknowledged by the one write in flight, never fall short of it.
            assertTrue(
                    stored >= client.lastAcknowledged.get() && stored <= client.lastAcknowledged.get() + 1,
                    "stored " + stored + " == acknowledged " + client.lastAcknowledged.get() + ": " + report);
        }
    }

    private static long certificationFailures() throws Exception {
        long total = 0;
        for (int node = 0; node < GaleraCluster.SIZE; node++) {
            total += Long.parseLong(galera.status(node, "wsrep_local_cert_failures"))
                    + Long.parseLong(galera.status(node, "wsrep_local_bf_aborts"));
        }
        return total;
    }

    private static String tail(ClusterNode node, long from) throws Exception {
        byte[] log = Files.readAllBytes(node.log().toPath());
        return new String(log, (int) from, log.length - (int) from);
    }
}
