package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.health.HealthPersistence;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library's MicroProfile Health readiness check follows its session store: this machine's PostgreSQL is stopped
 * under a deployed application, the server's {@code /health/ready} says DOWN (503, check {@code usersession-store}
 * DOWN) within seconds, and UP again within seconds of the database's restart, without touching the server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StoreReadinessIT {

    private static final String STORE_DOWN = "\"name\":\"usersession-store\",\"status\":\"DOWN\"";
    private static final String STORE_UP = "\"name\":\"usersession-store\",\"status\":\"UP\"";

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.libraryOnly("readiness") // not "health": Payara serves /health itself
                .addPackage(HealthPersistence.class.getPackage())
                .addAsLibrary(Deployments.postgresqlDriver())
                .addAsResource("it/persistence-health.xml", "META-INF/persistence.xml");
    }

    @ArquillianResource
    URL base;

    @Test
    void readinessIsDownWhileTheDatabaseIsAndUpAgainAfter() throws Exception {
        // An application's own @DataSourceDefinition on WildFly cannot ask its pool to validate connections, so
        // broken ones stay after a restart and the check rightly stays DOWN: on WildFly, ClusterIT checks readiness
        // through a PostgreSQL outage on both nodes, with the pool validation docs/operations.md (Health) gives.
        Assumptions.assumeTrue(ServerEndpoints.payara(), "WildFly: see ClusterIT's database outage");
        assertTrue(await(STORE_UP, 200, 30), () -> "UP with the database running: " + lastAnswer);
        long stopped = System.nanoTime();
        try {
            PostgresServer.stop();
            assertTrue(await(STORE_DOWN, 503, 10), () -> "DOWN within 10 s of the database's stop: " + lastAnswer);
            System.out.printf("StoreReadinessIT: DOWN %.1f s after the stop%n", (System.nanoTime() - stopped) / 1e9);
        } finally {
            PostgresServer.start();
        }
        long started = System.nanoTime();
        assertTrue(await(STORE_UP, 200, 30), () -> "UP within 30 s of the database's start: " + lastAnswer);
        System.out.printf("StoreReadinessIT: UP %.1f s after the start%n", (System.nanoTime() - started) / 1e9);
        HttpResponse<String> login = new Browser(base).login("nobody", "no password");
        assertEquals(401, login.statusCode(), "the application serves again: " + login.body());
    }

    private String lastAnswer = "";

    private boolean await(String check, int status, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> ready = ServerEndpoints.get(ServerEndpoints.readiness(), "application/json");
            lastAnswer = ready.statusCode() + " " + ready.body();
            if (ready.statusCode() == status
                    && ready.body().replaceAll("\\s", "").contains(check)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
