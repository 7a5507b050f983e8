package dev.usersession.it.cluster;

import dev.usersession.it.Browser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Kills node 1 with SIGKILL two seconds into a bounded write load on both nodes (two clients each, 8 s at most). */
final class NodeCrash {

    private final ClusterNode victim;
    private final ClusterNode survivor;

    NodeCrash(ClusterNode victim, ClusterNode survivor) {
        this.victim = victim;
        this.survivor = survivor;
    }

    CrashReport run() throws Exception {
        List<LoadClient> clients = List.of(
                new LoadClient(victim, 10, 8_000),
                new LoadClient(victim, 10, 8_000),
                new LoadClient(survivor, 10, 8_000),
                new LoadClient(survivor, 10, 8_000));
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        clients.forEach(pool::submit);
        Thread.sleep(2_000);
        victim.stop(true);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);

        List<CrashReport.Client> figures = new ArrayList<>();
        int survivorFailures = 0;
        for (LoadClient client : clients) {
            Browser reader = new Browser(survivor.url());
            client.browser().cookie().ifPresent(reader::setCookie);
            int stored = Integer.parseInt(reader.get("test/counter").body().trim());
            int succeeded = client.statuses.getOrDefault(200, 0);
            figures.add(new CrashReport.Client(
                    client.node() == victim ? "node1" : "node2",
                    client.requests(),
                    succeeded,
                    client.connectionFailures.get(),
                    client.lastAcknowledged.get(),
                    stored));
            if (client.node() == survivor) {
                survivorFailures += client.requests() - succeeded;
            }
        }
        return new CrashReport(figures, survivorFailures);
    }
}
