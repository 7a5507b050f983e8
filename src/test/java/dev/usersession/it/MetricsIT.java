package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.app.DemoAccounts;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After a scripted run of logins, state writes and logouts, the server's own metrics endpoint (WildFly's micrometer
 * subsystem in Prometheus' format on the management port; Payara's MicroProfile Metrics on the HTTP port) shows the
 * library's counts, and no user name among them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("scripted"); // not "metrics": Payara serves /metrics itself
    }

    @ArquillianResource
    URL base;

    @Test
    void aScriptedRunShowsItsCountsOnTheServersMetricsEndpoint() throws InterruptedException {
        Browser setup = new Browser(base);
        String user = setup.newUser("metered");
        ServerEndpoints.PrometheusText before = ServerEndpoints.scrape();

        Browser first = new Browser(base);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, first.login(user, "wrong password " + i).statusCode());
        }
        assertEquals(200, first.login(user, DemoAccounts.PASSWORD).statusCode());
        Browser second = new Browser(base);
        assertEquals(200, second.login(user, DemoAccounts.PASSWORD).statusCode());
        for (int i = 0; i < 4; i++) {
            assertEquals(200, first.postForm("test/counter/increment").statusCode());
        }
        assertEquals(204, first.postJson("usersession/logout", "{}").statusCode());

        ServerEndpoints.PrometheusText after = ServerEndpoints.scrape();
        assertEquals(3, delta(before, after, "usersession_logins_total", Map.of("outcome", "failed")));
        assertEquals(2, delta(before, after, "usersession_logins_total", Map.of("outcome", "succeeded")));
        assertEquals(1, delta(before, after, "usersession_sessions_ended_total", Map.of("reason", "logout")));
        assertEquals(4, delta(before, after, "usersession_state_bytes_count", Map.of()));
        assertTrue(delta(before, after, "usersession_store_seconds_count", Map.of("operation", "write")) >= 4);
        assertTrue(delta(before, after, "usersession_store_seconds_count", Map.of("operation", "read")) >= 6);
        assertTrue(after.has("usersession_sessions_active"), "the active-sessions gauge");
        // The gauge is NaN until the first count, a few seconds after the start; then at least the second browser.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(ServerEndpoints.scrape().sum("usersession_sessions_active", Map.of()) >= 1)
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertTrue(
                ServerEndpoints.scrape().sum("usersession_sessions_active", Map.of()) >= 1,
                "the second browser is signed in");
        assertTrue(after.has("usersession_conflicts_total"));
        assertTrue(after.has("usersession_store_failures_total"));
        assertFalse(after.text().contains(user), "no user name in the metrics");
    }

    private static double delta(
            ServerEndpoints.PrometheusText before,
            ServerEndpoints.PrometheusText after,
            String metric,
            Map<String, String> labels) {
        return after.sum(metric, labels) - before.sum(metric, labels);
    }
}
