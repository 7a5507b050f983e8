package dev.usersession.it.cluster;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Polls every node's readiness endpoint every 100 ms and notes, per node, when it first answered DOWN (503 with the
 * library's {@code usersession-store} check DOWN) after the database stopped, and UP (200) after it started again.
 */
final class ReadinessWatch implements Runnable {

    private final List<ClusterNode> nodes;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<ClusterNode, Long> down = new ConcurrentHashMap<>();
    private final Map<ClusterNode, Long> up = new ConcurrentHashMap<>();
    private volatile long stoppedAt;
    private volatile long startedAt;
    private volatile boolean running = true;

    ReadinessWatch(List<ClusterNode> nodes) {
        this.nodes = nodes;
    }

    /** The database stopped ({@code startedAgain} false) or started again, at this {@code nanoTime}. */
    void mark(long at, boolean startedAgain) {
        if (startedAgain) {
            startedAt = at;
        } else {
            stoppedAt = at;
        }
    }

    void stop() {
        running = false;
    }

    boolean allSeen() {
        return up.size() == nodes.size();
    }

    /** @return seconds from the stop until the last node reported DOWN; infinite when one never did */
    double downSeconds() {
        return down.size() < nodes.size()
                ? Double.POSITIVE_INFINITY
                : (down.values().stream().mapToLong(Long::longValue).max().orElseThrow() - stoppedAt) / 1e9;
    }

    /** @return seconds from the restart until the last node reported UP again; infinite when one never did */
    double upSeconds() {
        return up.size() < nodes.size()
                ? Double.POSITIVE_INFINITY
                : (up.values().stream().mapToLong(Long::longValue).max().orElseThrow() - startedAt) / 1e9;
    }

    @Override
    public void run() {
        while (running) {
            for (ClusterNode node : nodes) {
                poll(node);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void poll(ClusterNode node) {
        HttpResponse<String> answer;
        try {
            answer = client.send(
                    HttpRequest.newBuilder(node.readiness())
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return;
        }
        long now = System.nanoTime();
        boolean storeDown = answer.statusCode() == 503
                && answer.body().replace(" ", "").contains("\"name\":\"usersession-store\",\"status\":\"DOWN\"");
        if (stoppedAt > 0 && startedAt == 0 && storeDown) {
            down.putIfAbsent(node, now);
        }
        if (startedAt > 0 && down.containsKey(node) && answer.statusCode() == 200) {
            up.putIfAbsent(node, now);
        }
    }
}
