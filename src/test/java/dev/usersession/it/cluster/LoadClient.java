package dev.usersession.it.cluster;

import dev.usersession.it.Browser;
import dev.usersession.it.app.DemoAccounts;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client that writes to its own session on one node, one request at a time, with a pause, until told to stop or
 * until a time limit: bounded load on loopback. It remembers the last count the server acknowledged.
 */
final class LoadClient implements Runnable {

    private final ClusterNode node;
    private final Browser browser;
    private final long pauseMillis;
    private final long deadline;
    final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    final AtomicInteger lastAcknowledged = new AtomicInteger();
    final AtomicInteger connectionFailures = new AtomicInteger();
    final AtomicLong firstSuccessAfterMark = new AtomicLong();
    /** The longest time between two successes in a row (or from the start to the first), in nanoseconds. */
    final AtomicLong longestWait = new AtomicLong();

    private volatile long mark;
    private volatile boolean stopped;

    LoadClient(ClusterNode node, long pauseMillis, long limitMillis) throws Exception {
        this.node = node;
        this.browser = new Browser(node.url());
        this.pauseMillis = pauseMillis;
        this.deadline = System.nanoTime() + limitMillis * 1_000_000;
        browser.login(browser.newUser("load"), DemoAccounts.PASSWORD);
    }

    Browser browser() {
        return browser;
    }

    ClusterNode node() {
        return node;
    }

    /** From now on, remember when the next success comes. */
    void mark(long nanos) {
        firstSuccessAfterMark.set(0);
        mark = nanos;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        long lastSuccess = System.nanoTime();
        while (!stopped && System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = browser.postForm("test/counter/increment");
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 200) {
                    lastAcknowledged.set(Integer.parseInt(response.body().trim()));
                    long now = System.nanoTime();
                    longestWait.accumulateAndGet(now - lastSuccess, Math::max);
                    lastSuccess = now;
                    if (mark != 0) {
                        firstSuccessAfterMark.compareAndSet(0, System.nanoTime());
                    }
                }
            } catch (UncheckedIOException connectionRefused) {
                connectionFailures.incrementAndGet();
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    int requests() {
        return statuses.values().stream().mapToInt(Integer::intValue).sum() + connectionFailures.get();
    }
}
