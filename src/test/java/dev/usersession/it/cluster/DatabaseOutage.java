package dev.usersession.it.cluster;

import dev.usersession.it.PostgresServer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Stops PostgreSQL for five seconds while one client per node writes, then starts it again (this machine's own
 * cluster, with {@code pg_ctlcluster}; the test runs as root, as CI does). Always starts it again, whatever happens.
 */
final class DatabaseOutage {

    private static final long OUTAGE_MILLIS = 5_000;

    private final List<ClusterNode> nodes;

    DatabaseOutage(ClusterNode... nodes) {
        this.nodes = List.of(nodes);
    }

    OutageReport run() throws Exception {
        List<LoadClient> clients = new java.util.ArrayList<>();
        for (ClusterNode node : nodes) {
            clients.add(new LoadClient(node, 50, 30_000));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients.size() + 1);
        clients.forEach(pool::submit);
        ReadinessWatch readiness = new ReadinessWatch(nodes);
        pool.submit(readiness);
        long stoppedAt;
        long startedAt;
        Thread.sleep(2_000);
        try {
            stoppedAt = System.nanoTime();
            readiness.mark(stoppedAt, false);
            PostgresServer.stop();
            Thread.sleep(OUTAGE_MILLIS);
        } finally {
            PostgresServer.start();
        }
        startedAt = System.nanoTime();
        readiness.mark(startedAt, true);
        for (LoadClient client : clients) {
            client.mark(startedAt);
        }
        long deadline = startedAt + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline
                && !(clients.stream().allMatch(c -> c.firstSuccessAfterMark.get() > 0) && readiness.allSeen())) {
            Thread.sleep(100);
        }
        Thread.sleep(1_000);
        clients.forEach(LoadClient::stop);
        readiness.stop();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);

        boolean allRecovered = clients.stream().allMatch(c -> c.firstSuccessAfterMark.get() > 0);
        long lastToRecover = clients.stream()
                .mapToLong(c -> c.firstSuccessAfterMark.get())
                .max()
                .orElse(0);
        int stored = 0;
        for (LoadClient client : clients) {
            stored +=
                    Integer.parseInt(client.browser().get("test/counter").body().trim());
        }
        return new OutageReport(
                clients.stream().mapToInt(LoadClient::requests).sum(),
                clients.stream().mapToInt(c -> c.statuses.getOrDefault(200, 0)).sum(),
                clients.stream().mapToInt(c -> c.statuses.getOrDefault(503, 0)).sum(),
                clients.stream()
                        .mapToInt(c -> c.requests() - c.statuses.getOrDefault(200, 0) - c.statuses.getOrDefault(503, 0))
                        .sum(),
                (startedAt - stoppedAt) / 1e9,
                allRecovered ? (lastToRecover - startedAt) / 1e9 : Double.MAX_VALUE,
                clients.stream().mapToInt(c -> c.lastAcknowledged.get()).sum(),
                stored,
                readiness.downSeconds(),
                readiness.upSeconds());
    }
}
