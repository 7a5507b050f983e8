package dev.usersession.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.Browser;
import dev.usersession.it.Deployments;
import dev.usersession.it.DeviceBindingRequests;
import dev.usersession.it.PostgresServer;
import dev.usersession.it.app.DemoAccounts;
import dev.usersession.testing.DeviceKey;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two WildFly nodes share one PostgreSQL database, with no sticky sessions and no session replication: a session and
 * its {@code @UserSession} state are the same on both. Run by {@code mvn verify -Pdatabases} (CI always).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final ClusterNode NODE1 = new ClusterNode("node1", 300);
    static final ClusterNode NODE2 = new ClusterNode("node2", 400);

    /**
     * The revocation bound ({@code usersession.cache.revocation-bound}, 1 s by default) and the time a request takes to
     * answer (the bound holds from the commit of the change to the other node's decision).
     */
    static final Duration LATEST_ACCEPTANCE = Duration.ofMillis(1_050);

    /**
     * @return what {@code read} answered once it answered {@code expected}, or its last answer once the bound (and
     *     a margin for slow answers) passed
     */
    static String withinTheBound(Supplier<String> read, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + LATEST_ACCEPTANCE.plusMillis(200).toNanos();
        String answer = read.get();
        while (!expected.equals(answer) && System.nanoTime() < deadline) {
            Thread.sleep(5);
            answer = read.get();
        }
        return answer;
    }

    @BeforeAll
    static void startNodes() throws Exception {
        String url = System.getProperty("cluster.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        for (ClusterNode node : List.of(NODE1, NODE2)) {
            node.prepare(Deployments.testApplication("app", "postgresql"), url);
        }
        NODE1.start();
        NODE2.start();
    }

    @AfterAll
    static void stopNodes() throws Exception {
        NODE1.stop(false);
        NODE2.stop(false);
    }

    @Test
    @Order(1)
    void aSessionStartedOnOneNodeIsUsedOnTheOtherWithItsState() throws Exception {
        Browser first = new Browser(NODE1.url());
        first.login(first.newUser("roam"), DemoAccounts.PASSWORD);
        first.postForm("test/counter/increment");
        first.postForm("test/counter/increment");

        Browser second = NODE2.browserWith(first);
        assertEquals("2", second.get("test/counter").body());
        assertEquals("3", second.postForm("test/counter/increment").body());
        assertEquals(
                "3",
                withinTheBound(() -> first.get("test/counter").body(), "3"),
                "node 1 sees node 2's change within the revocation bound (it may have cached the session)");
    }

    @Test
    @Order(2)
    void logoutOnOneNodeEndsTheSessionOnBoth() throws Exception {
        Browser first = new Browser(NODE1.url());
        first.login(first.newUser("leave"), DemoAccounts.PASSWORD);
        Browser second = NODE2.browserWith(first);
        assertEquals(200, second.get("protected").statusCode());

        assertEquals(204, second.postJson("usersession/logout", "{}").statusCode());

        assertEquals(401, first.get("protected").statusCode());
    }

    /**
     * On PostgreSQL a change of one stored bean is one statement that commits on its own, on a connection of the
     * persistence unit with the caller's JTA transaction suspended: it is not undone when that transaction rolls back.
     */
    @Test
    @Order(3)
    void aChangeStoredInsideTheApplicationsTransactionStaysStoredWhenItRollsBack() throws Exception {
        Browser owner = new Browser(NODE1.url());
        owner.login(owner.newUser("caller-tx"), DemoAccounts.PASSWORD);
        assertEquals("1", owner.postForm("test/counter/increment").body(), "the counter's row exists from here on");

        HttpResponse<String> failed =
                new Browser(NODE1.url()).postForm("app/tx/run-in-then-fail", "session", owner.currentSessionId());

        assertEquals(500, failed.statusCode(), failed.body());
        assertEquals(
                "2",
                NODE2.browserWith(owner).get("test/counter").body(),
                "runIn reported the change stored before the application's transaction rolled back: it stays stored");
    }

    @Test
    @Order(4)
    void concurrentChangesFromBothNodesNeverLoseAnUpdateSilently() throws Exception {
        Browser first = new Browser(NODE1.url());
        first.login(first.newUser("race"), DemoAccounts.PASSWORD);
        Browser second = NODE2.browserWith(first);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Browser target = i % 2 == 0 ? first : second;
            sent.add(clients.submit(() ->
                    statuses.merge(target.postForm("test/counter/increment").statusCode(), 1, Integer::sum)));
        }
        for (Future<?> request : sent) {
            request.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();

        int succeeded = statuses.getOrDefault(200, 0);
        assertEquals(200, succeeded + statuses.getOrDefault(409, 0), "only 200 or 409: " + statuses);
        String stored = String.valueOf(succeeded);
        assertEquals(stored, withinTheBound(() -> first.get("test/counter").body(), stored));
        assertEquals(stored, withinTheBound(() -> second.get("test/counter").body(), stored));
        System.out.println("ClusterIT: 200 concurrent increments of one session over two nodes: " + statuses);
    }

    /**
     * A device-bound session's challenges are rows of the shared database: one node's challenge is answered at the
     * other; during an outage the refresh answers 503, which keeps the browser's binding (a 4xx would end it).
     */
    @Test
    @Order(5)
    void aBindingChallengeOfOneNodeIsAnsweredAtTheOtherAndAnOutageIsA503() throws Exception {
        Browser first = new Browser(NODE1.url());
        String user = first.newUser("bound");
        DeviceKey key = DeviceKey.ec();
        String bindingId = DeviceBindingRequests.bind(first, user, key);
        Browser second = NODE2.browserWith(first);
        second.setBoundCookie(first.boundCookie().orElseThrow());
        assertTrue(second.get("test/whoami").body().startsWith(user + " "), "bound, on the other node");

        String challenge = DeviceBindingRequests.challengeOf(DeviceBindingRequests.refresh(first, bindingId, null))
                .group(1);
        HttpResponse<String> renewed = DeviceBindingRequests.refresh(second, bindingId, key.refresh(challenge));
        assertEquals(200, renewed.statusCode(), "node 1's challenge, answered at node 2: " + renewed.body());

        try {
            PostgresServer.stop();
            HttpResponse<String> during = DeviceBindingRequests.refresh(first, bindingId, null);
            assertEquals(503, during.statusCode(), "the store is down: the browser keeps its binding");
        } finally {
            PostgresServer.start();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int status = 0;
        while (System.nanoTime() < deadline && status != 403) {
            status = DeviceBindingRequests.refresh(first, bindingId, null).statusCode();
            Thread.sleep(200);
        }
        assertEquals(403, status, "a challenge again once the database is back");
    }

    /**
     * Each node caches the sessions it served ({@code usersession.cache=auto} on PostgreSQL): a logout on one node
     * reaches the other's cache through the change log (the ending node wakes the other with {@code NOTIFY}), in
     * milliseconds, and never later than the revocation bound.
     */
    @Test
    @Order(6)
    void aSessionEndedOnOneNodeIsRefusedOnTheOtherWithinMilliseconds() throws Exception {
        Revocations.Report report = new Revocations(NODE1, NODE2).run(250);
        System.out.println("ClusterIT revocation on PostgreSQL: " + report);

        assertTrue(report.cachedOnTheOtherNode(), "the other node served the session from its cache: " + report);
        assertTrue(report.percentile(0.99).toMillis() <= 50, "p99 within 50 ms: " + report);
        assertTrue(report.latestAcceptance().compareTo(LATEST_ACCEPTANCE) <= 0, "within the bound: " + report);
    }

    @Test
    @Order(7)
    void noSessionIsAcceptedPastTheBoundWhileTheListeningConnectionsAreKilled() throws Exception {
        Revocations.Report report;
        int strikes;
        try (ListenerChaos chaos = ListenerChaos.start(ListenerChaos.Kind.KILL)) {
            report = new Revocations(NODE1, NODE2).run(250, () -> chaos.strikes() >= 3);
            strikes = chaos.strikes();
        }
        System.out.println("ClusterIT revocation, listening connections killed " + strikes + " times: " + report);

        assertTrue(strikes > 0, "the listening connections were killed");
        assertTrue(report.latestAcceptance().compareTo(LATEST_ACCEPTANCE) <= 0, "within the bound: " + report);
    }

    @Test
    @Order(8)
    void noSessionIsAcceptedPastTheBoundWhileTheListeningConnectionsHang() throws Exception {
        Revocations.Report report;
        int strikes;
        try (ListenerChaos chaos = ListenerChaos.start(ListenerChaos.Kind.HANG)) {
            report = new Revocations(NODE1, NODE2).run(250, () -> chaos.strikes() >= 3);
            strikes = chaos.strikes();
        }
        System.out.println("ClusterIT revocation, listening server processes stopped " + strikes + " times: " + report);

        assertTrue(strikes > 0, "the listening server processes were stopped");
        assertTrue(report.latestAcceptance().compareTo(LATEST_ACCEPTANCE) <= 0, "within the bound: " + report);
    }

    @Test
    @Order(9)
    void aDatabaseOutageGives503AndTheNodesRecoverWithoutARestart() throws Exception {
        OutageReport report = new DatabaseOutage(NODE1, NODE2).run();
        System.out.println("ClusterIT database outage: " + report);
        assertEquals(0, report.otherStatuses(), "only 200 or 503 during an outage: " + report);
        assertTrue(report.unavailable() > 0, "the outage was seen: " + report);
        assertTrue(report.recoverySeconds() < 15, "recovered within seconds: " + report);
        assertEquals(report.acknowledged(), report.stored(), "every acknowledged write is stored: " + report);
        assertTrue(report.readinessDownSeconds() < 5, "readiness DOWN within seconds of the stop: " + report);
        assertTrue(report.readinessUpSeconds() < 15, "readiness UP again within seconds of the start: " + report);
    }

    @Test
    @Order(10)
    void killingANodeDuringWritesLosesNoAcknowledgedWriteAndTheOtherNodeServesOn() throws Exception {
        CrashReport report = new NodeCrash(NODE1, NODE2).run();
        System.out.println("ClusterIT kill -9 of node 1: " + report);
        assertTrue(report.survivorFailures() == 0, "node 2 kept serving: " + report);
        for (CrashReport.Client client : report.clients()) {
            assertTrue(
                    client.stored() == client.lastAcknowledged() || client.stored() == client.lastAcknowledged() + 1,
                    "acknowledged writes are stored (the in-flight one may be too): " + client);
        }
        HttpResponse<String> stillServing = new Browser(NODE2.url()).get("test/whoami");
        assertEquals(200, stillServing.statusCode());
    }
}
