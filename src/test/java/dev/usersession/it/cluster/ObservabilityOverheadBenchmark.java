package dev.usersession.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.usersession.it.Deployments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;

/**
 * BENCHMARKS.md's cost of metrics and the audit trail: the same test application twice on one WildFly node on
 * PostgreSQL (the node's configuration has Micrometer with its Prometheus registry): {@code app} with the library's
 * metrics going to Micrometer and the audit trail at INFO, {@code quiet} with {@code usersession.metrics=none}. Reads
 * and writes of a {@code @UserSession} bean against both, six rounds of back-to-back pairs in alternating order, in one
 * run; the figure is the median of the rounds' ratios. Not a test: run it on purpose (about 6 minutes):
 * {@code mvn verify -Dit.test=ObservabilityOverheadBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false}
 * (PostgreSQL must run on 127.0.0.1:5432). Results go to the console and to {@code target/observability-overhead.txt}.
 */
class ObservabilityOverheadBenchmark {

    private static final int CLIENTS = 8;
    private static final long WARM_UP = 2_000;
    private static final long MEASURE = 6_000;
    private static final int ROUNDS = 6;
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final List<String> report = new ArrayList<>();

    @Test
    void metricsAndAuditAgainstNone() throws Exception {
        ClusterNode node = new ClusterNode("overhead", 600);
        node.prepare(Deployments.testApplication("app"), PG);
        node.deploy(
                Deployments.testApplication("quiet")
                        .addAsResource(
                                new StringAsset("usersession.metrics=none\n"),
                                "META-INF/microprofile-config.properties"),
                "quiet");
        node.start();
        try {
            HttpLoad metered = new HttpLoad(node.url(), CLIENTS).prepare();
            HttpLoad quiet = new HttpLoad(node.url("quiet"), CLIENTS).prepare();
            // Each application's own copy of the library is compiled by the JIT separately: warm both well first.
            for (int i = 0; i < 3; i++) {
                for (HttpLoad load : List.of(metered, quiet)) {
                    load.run("warm-up", b -> b.get("test/counter"), 0, 4_000);
                    load.run("warm-up", b -> b.postForm("test/counter/increment"), 0, 2_000);
                }
            }
            say("== PostgreSQL, " + CLIENTS + " clients, " + MEASURE / 1000 + " s per run, " + ROUNDS
                    + " rounds, each a pair of runs back to back in alternating order");
            List<Double> readRatios = new ArrayList<>();
            List<Double> writeRatios = new ArrayList<>();
            HttpLoad.Result[] best = new HttpLoad.Result[4];
            for (int round = 0; round < ROUNDS; round++) {
                boolean meteredFirst = round % 2 == 0;
                HttpLoad.Result[] pair = new HttpLoad.Result[4];
                for (int i = 0; i < 2; i++) {
                    boolean meteredNow = meteredFirst == (i == 0);
                    HttpLoad load = meteredNow ? metered : quiet;
                    String name = meteredNow ? "metrics + audit" : "no metrics";
                    int slot = meteredNow ? 0 : 1;
                    pair[slot] = load.run(name + ", read", b -> b.get("test/counter"), WARM_UP, MEASURE);
                    pair[slot + 2] =
                            load.run(name + ", write", b -> b.postForm("test/counter/increment"), WARM_UP, MEASURE);
                }
                for (int slot = 0; slot < 4; slot++) {
                    assertEquals(0, pair[slot].errors(), pair[slot].name());
                    best[slot] = best(best[slot], pair[slot]);
                }
                readRatios.add(pair[0].perSecond() / pair[1].perSecond());
                writeRatios.add(pair[2].perSecond() / pair[3].perSecond());
                say(String.format(
                        "round %d: read %.0f / %.0f req/s = %.3f, write %.0f / %.0f req/s = %.3f",
                        round + 1,
                        pair[0].perSecond(),
                        pair[1].perSecond(),
                        readRatios.get(round),
                        pair[2].perSecond(),
                        pair[3].perSecond(),
                        writeRatios.get(round)));
            }
            for (HttpLoad.Result result : best) {
                say("best: " + result);
            }
            say(String.format(
                    "throughput with / without metrics, median of the rounds' ratios: read %.3f, write %.3f;"
                            + " of the best runs: read %.3f, write %.3f",
                    median(readRatios),
                    median(writeRatios),
                    best[0].perSecond() / best[1].perSecond(),
                    best[2].perSecond() / best[3].perSecond()));
        } finally {
            node.stop(false);
        }
        Files.write(
                Path.of("target/observability-overhead.txt"),
                report,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static HttpLoad.Result best(HttpLoad.Result current, HttpLoad.Result candidate) {
        return current == null || candidate.perSecond() > current.perSecond() ? candidate : current;
    }

    private void say(String line) {
        System.out.println(line);
        report.add(line);
    }
}
