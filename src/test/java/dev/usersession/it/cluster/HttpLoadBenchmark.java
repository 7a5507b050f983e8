package dev.usersession.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.usersession.it.Deployments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * BENCHMARKS.md's HTTP figures: the same endpoints backed by a {@code @UserSession} bean and by a {@code
 * @SessionScoped}
 * bean (in memory: the limit), read and write, on one WildFly node with H2 and then with PostgreSQL, measured in the
 * same run; then PostgreSQL with 1,000,000 extra session rows ({@code -Dbench.rows=10000000} for ten million), and
 * the clean-up of a million expired rows under load.
 * Not a test: run it on purpose, it takes about 10 minutes (15 with ten million rows):
 * {@code mvn verify -Dit.test=HttpLoadBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false}
 * (PostgreSQL must run on 127.0.0.1:5432).
 * Results go to the console and to {@code target/http-load.txt}.
 */
class HttpLoadBenchmark {

    private static final int CLIENTS = 8;
    private static final long WARM_UP = 3_000;
    private static final long MEASURE = 6_000;
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    /** Extra session rows for the lookup at scale; the clean-up always removes one million of them. */
    private static final long ROWS = Long.getLong("bench.rows", 1_000_000);

    private final List<String> report = new ArrayList<>();

    @Test
    void userSessionAgainstInMemorySessions() throws Exception {
        ClusterNode node = new ClusterNode("bench", 500);
        for (String database : new String[] {"h2", "postgresql"}) {
            node.prepare(Deployments.testApplication("app"), database.equals("h2") ? null : PG);
            node.start();
            try {
                HttpLoad load = new HttpLoad(node.url(), CLIENTS).prepare();
                pairs(load, database);
                if (database.equals("postgresql")) {
                    scale(node, load);
                }
            } finally {
                node.stop(false);
            }
        }
        Files.write(
                Path.of("target/http-load.txt"),
                report,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private void pairs(HttpLoad load, String database) throws Exception {
        // Warm the server and the client up on all four endpoints first, so that the order of the measured runs
        // does not decide which one pays for the JIT.
        for (String path : new String[] {"test/http-counter", "test/counter"}) {
            load.run("warm-up", b -> b.get(path), 0, WARM_UP);
            load.run("warm-up", b -> b.postForm(path + "/increment"), 0, WARM_UP);
        }
        say("== " + database + ", " + CLIENTS + " clients, " + MEASURE / 1000 + " s each after " + WARM_UP / 1000
                + " s warm-up (and a 12 s warm-up of all four endpoints)");
        // Two rounds, in opposite orders; each figure is the better of its two runs, so that neither side of a pair
        // is penalised by running first while the server still warms up.
        HttpLoad.Result memoryRead = null;
        HttpLoad.Result userRead = null;
        HttpLoad.Result memoryWrite = null;
        HttpLoad.Result userWrite = null;
        for (int round = 0; round < 2; round++) {
            boolean userFirst = round == 1;
            for (int i = 0; i < 2; i++) {
                if (userFirst == (i == 0)) {
                    userRead =
                            best(userRead, load.run("@UserSession read", b -> b.get("test/counter"), WARM_UP, MEASURE));
                    userWrite = best(
                            userWrite,
                            load.run(
                                    "@UserSession write", b -> b.postForm("test/counter/increment"), WARM_UP, MEASURE));
                } else {
                    memoryRead = best(
                            memoryRead,
                            load.run("@SessionScoped read", b -> b.get("test/http-counter"), WARM_UP, MEASURE));
                    memoryWrite = best(
                            memoryWrite,
                            load.run(
                                    "@SessionScoped write",
                                    b -> b.postForm("test/http-counter/increment"),
                                    WARM_UP,
                                    MEASURE));
                }
            }
        }
        for (HttpLoad.Result result : List.of(memoryRead, userRead, memoryWrite, userWrite)) {
            say(result.toString());
            assertEquals(0, result.errors(), result.name());
        }
        say(String.format(
                "ratio read %.2f, write %.2f (@UserSession / @SessionScoped throughput)",
                userRead.perSecond() / memoryRead.perSecond(), userWrite.perSecond() / memoryWrite.perSecond()));
    }

    private static HttpLoad.Result best(HttpLoad.Result current, HttpLoad.Result candidate) {
        return current == null || candidate.perSecond() > current.perSecond() ? candidate : current;
    }

    private void scale(ClusterNode node, HttpLoad load) throws Exception {
        load.run("warm-up", b -> b.get("test/counter"), 0, WARM_UP);
        HttpLoad.Result small = load.run("read, few rows", b -> b.get("test/counter"), WARM_UP, MEASURE);
        long inserted = System.nanoTime();
        sql("insert into user_session (id, user_name, user_groups, created, last_access, idle_expiry, "
                + "absolute_expiry, client, state_version) select 'bulk-' || g, 'bulk-user-' || (g % 100000), '', "
                + "now(), now(), now() + interval '1 hour', now() + interval '2 hours', 'bulk', 0 "
                + "from generate_series(1, " + ROWS + ") g");
        sql("analyze user_session");
        String rows = String.format("%,d", ROWS);
        say(String.format(
                "inserted %s session rows in %.1f s (table and indexes: %s)",
                rows,
                (System.nanoTime() - inserted) / 1e9,
                text("select pg_size_pretty(pg_total_relation_size(" + "'user_session'))")));
        HttpLoad.Result large = load.run("read, +" + rows + " rows", b -> b.get("test/counter"), WARM_UP, MEASURE);
        HttpLoad.Result smallAgain = load.run("read, few rows (again)", b -> b.get("test/counter"), WARM_UP, MEASURE);
        say(small.toString());
        say(large.toString());
        say(smallAgain.toString());
        say(String.format(
                "ratio %s rows / few rows (mean of the runs before and after): p50 %.2f, p99 %.2f",
                rows,
                2 * large.p50Millis() / (small.p50Millis() + smallAgain.p50Millis()),
                2 * large.p99Millis() / (small.p99Millis() + smallAgain.p99Millis())));
        if (ROWS > 1_000_000) {
            sql("delete from user_session where id like 'bulk-%' and substring(id from 6)::bigint > 1000000");
            sql("vacuum analyze user_session");
        }

        // The clean-up: first alone at full speed (how long a million rows take), then under the read load, at full
        // speed and at the default duty cycle of 0.5 (what it does to live p99 latency).
        expireMillionRows();
        long aloneStart = System.nanoTime();
        String alone = triggerCleanup(node, 1.0);
        double aloneSeconds = (System.nanoTime() - aloneStart) / 1e9;
        say(String.format(
                "clean-up alone, duty cycle 1.0: 1,000,000 expired rows removed in %.1f s (%.0f rows/s); "
                        + "endpoint said (removed, ms): %s",
                aloneSeconds, 1_000_000 / aloneSeconds, alone));
        for (double duty : new double[] {1.0, 0.5}) {
            expireMillionRows();
            String[] cleanup = new String[1];
            Thread cleaner = new Thread(() -> cleanup[0] = triggerCleanup(node, duty));
            cleaner.start();
            long cleanupStart = System.nanoTime();
            HttpLoad.Result during =
                    load.run("read during clean-up, duty cycle " + duty, b -> b.get("test/counter"), 0, MEASURE);
            long removedMeanwhile = 1_000_000 - count("select count(*) from user_session where id like 'bulk-%'");
            double seconds = (System.nanoTime() - cleanupStart) / 1e9;
            say(during.toString());
            say(String.format(
                    "duty cycle %.1f: p99 during clean-up / before: %.2f; the clean-up removed %,d rows in "
                            + "those %.1f s (%.0f rows/s)",
                    duty,
                    during.p99Millis() / smallAgain.p99Millis(),
                    removedMeanwhile,
                    seconds,
                    removedMeanwhile / seconds));
            cleaner.join(TimeUnit.MINUTES.toMillis(10));
        }
        sql("delete from user_session where id like 'bulk-%'");
    }

    private static void expireMillionRows() throws SQLException {
        sql("insert into user_session (id, user_name, user_groups, created, last_access, idle_expiry, "
                + "absolute_expiry, client, state_version) select 'bulk-' || g, 'bulk-user-' || (g % 100000), '', "
                + "now(), now(), now() - interval '1 minute', now() + interval '2 hours', 'bulk', 0 "
                + "from generate_series(1, 1000000) g on conflict do nothing");
        sql("update user_session set idle_expiry = now() - interval '1 minute' where id like 'bulk-%'");
        sql("analyze user_session");
    }

    /** Runs the clean-up on the node through the test endpoint; it may take minutes, so no 60 s client timeout. */
    private static String triggerCleanup(ClusterNode node, double dutyCycle) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(
                            node.url().toURI().resolve("test/cleanup?duty=" + dutyCycle))
                    .header("Origin", "http://127.0.0.1:" + node.url().getPort())
                    .timeout(java.time.Duration.ofMinutes(10))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build();
            return java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body()
                    .trim();
        } catch (Exception e) {
            return "failed: " + e;
        }
    }

    private static String text(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PG);
                Statement sql = connection.createStatement();
                var result = sql.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    private static long count(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PG);
                Statement sql = connection.createStatement();
                var result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PG);
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private void say(String line) throws IOException {
        System.out.println(line);
        report.add(line);
    }
}
