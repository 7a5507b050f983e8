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
import org.junit.jupiter.api.Test;

/**
 * BENCHMARKS.md's HTTP figures: the same endpoints backed by a {@code @UserSession} bean and by a {@code @SessionScoped}
 * bean (in memory: the limit), read and write, on one WildFly node with H2 and then with PostgreSQL, measured in the
 * same run; then PostgreSQL with 1,000,000 extra session rows, and the clean-up of a million expired rows under load.
 * Not a test: run it on purpose, it takes about 4 minutes:
 * {@code mvn verify -Pdatabases -Dit.test=HttpLoadBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results go to the console and to {@code target/http-load.txt}.
 */
class HttpLoadBenchmark {

    private static final int CLIENTS = 8;
    private static final long WARM_UP = 3_000;
    private static final long MEASURE = 8_000;
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

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
        Files.write(Path.of("target/http-load.txt"), report, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private void pairs(HttpLoad load, String database) throws Exception {
        say("== " + database + ", " + CLIENTS + " clients, " + MEASURE / 1000 + " s each after " + WARM_UP / 1000
                + " s warm-up");
        HttpLoad.Result memoryRead = load.run("@SessionScoped read", b -> b.get("test/http-counter"), WARM_UP,
                MEASURE);
        HttpLoad.Result userRead = load.run("@UserSession read", b -> b.get("test/counter"), WARM_UP, MEASURE);
        HttpLoad.Result memoryWrite = load.run("@SessionScoped write",
                b -> b.postForm("test/http-counter/increment"), WARM_UP, MEASURE);
        HttpLoad.Result userWrite = load.run("@UserSession write", b -> b.postForm("test/counter/increment"),
                WARM_UP, MEASURE);
        for (HttpLoad.Result result : List.of(memoryRead, userRead, memoryWrite, userWrite)) {
            say(result.toString());
            assertEquals(0, result.errors(), result.name());
        }
        say(String.format("ratio read %.2f, write %.2f (@UserSession / @SessionScoped throughput)",
                userRead.perSecond() / memoryRead.perSecond(), userWrite.perSecond() / memoryWrite.perSecond()));
    }

    private void scale(ClusterNode node, HttpLoad load) throws Exception {
        HttpLoad.Result small = load.run("read, few rows", b -> b.get("test/counter"), WARM_UP, MEASURE);
        long inserted = System.nanoTime();
        sql("insert into user_session (id, user_name, user_groups, created, last_access, idle_expiry, "
                + "absolute_expiry, client, state_version) select 'bulk-' || g, 'bulk-user-' || (g % 100000), '', "
                + "now(), now(), now() + interval '1 hour', now() + interval '2 hours', 'bulk', 0 "
                + "from generate_series(1, 1000000) g");
        sql("analyze user_session");
        say(String.format("inserted 1,000,000 session rows in %.1f s", (System.nanoTime() - inserted) / 1e9));
        HttpLoad.Result large = load.run("read, +1,000,000 rows", b -> b.get("test/counter"), WARM_UP, MEASURE);
        say(small.toString());
        say(large.toString());
        say(String.format("p50 ratio 1M/few %.2f, p99 ratio %.2f", large.p50Millis() / small.p50Millis(),
                large.p99Millis() / small.p99Millis()));

        sql("update user_session set idle_expiry = now() - interval '1 minute' where id like 'bulk-%'");
        String[] cleanup = new String[1];
        Thread cleaner = new Thread(() -> cleanup[0] = triggerCleanup(node));
        cleaner.start();
        HttpLoad.Result during = load.run("read during clean-up", b -> b.get("test/counter"), 0, MEASURE);
        cleaner.join();
        say(during.toString());
        say("clean-up removed and took (ms): " + cleanup[0] + "; p99 during / before: "
                + String.format("%.2f", during.p99Millis() / small.p99Millis()));
        sql("delete from user_session where id like 'bulk-%'");
    }

    /** Runs the clean-up on the node through the test endpoint; it may take minutes, so no 60 s client timeout. */
    private static String triggerCleanup(ClusterNode node) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(node.url().toURI().resolve("test/cleanup"))
                    .header("Origin", "http://127.0.0.1:" + node.url().getPort())
                    .timeout(java.time.Duration.ofMinutes(10))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body().trim();
        } catch (Exception e) {
            return "failed: " + e;
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PG); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private void say(String line) throws IOException {
        System.out.println(line);
        report.add(line);
    }
}
