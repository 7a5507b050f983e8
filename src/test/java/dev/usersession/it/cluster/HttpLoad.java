package dev.usersession.it.cluster;

import dev.usersession.it.Browser;
import dev.usersession.it.app.DemoAccounts;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A closed-loop HTTP load on loopback: N clients, each with its own logged-in session (and its own HttpSession),
 * send one request after another for a fixed time after a warm-up. Records every latency; reports throughput and
 * percentiles. Bounded in time; stops by itself.
 */
final class HttpLoad {

    /** One scenario's figures. */
    record Result(String name, long requests, long errors, double perSecond, double p50Millis, double p99Millis) {
        @Override
        public String toString() {
            return String.format(
                    "%-28s %9.0f req/s   p50 %7.2f ms   p99 %7.2f ms   (%d requests, %d errors)",
                    name, perSecond, p50Millis, p99Millis, requests, errors);
        }
    }

    private final URL base;
    private final int clients;
    private final List<Browser> sessions = new ArrayList<>();

    HttpLoad(URL base, int clients) {
        this.base = base;
        this.clients = clients;
    }

    /** Logs the clients in (one user each) and gives each an HttpSession too. */
    HttpLoad prepare() {
        for (int i = 0; i < clients; i++) {
            Browser browser = new Browser(base);
            browser.login(browser.newUser("load"), DemoAccounts.PASSWORD);
            browser.postForm("test/counter/increment");
            browser.get("test/http-counter");
            sessions.add(browser);
        }
        return this;
    }

    List<Browser> sessions() {
        return sessions;
    }

    Result run(String name, Function<Browser, HttpResponse<String>> request, long warmUpMillis, long measureMillis)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long measureFrom = start + warmUpMillis * 1_000_000;
        long end = measureFrom + measureMillis * 1_000_000;
        List<Future<long[]>> results = new ArrayList<>();
        for (Browser session : sessions) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                long errors = 0;
                while (true) {
                    long sent = System.nanoTime();
                    if (sent >= end) {
                        break;
                    }
                    int status = request.apply(session).statusCode();
                    long took = System.nanoTime() - sent;
                    if (sent >= measureFrom) {
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = took;
                        errors += status == 200 ? 0 : 1;
                    }
                }
                long[] measured = Arrays.copyOf(latencies, count + 1);
                measured[count] = errors;
                return measured;
            }));
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> result : results) {
            long[] values = result.get(5, TimeUnit.MINUTES);
            for (int i = 0; i < values.length - 1; i++) {
                all.add(values[i]);
            }
            errors += values[values.length - 1];
        }
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(
                name,
                sorted.length,
                errors,
                sorted.length / (measureMillis / 1000.0),
                percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6);
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, sorted.length * fraction)];
    }
}
