package dev.usersession.it.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.Deployments;
import dev.usersession.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-node session cache where the database cannot push: two WildFly nodes on this machine's MariaDB with
 * {@code usersession.cache=on} and the change log of {@code schema-mariadb-cache.sql}, polled every 100 ms (the
 * default). A session ended on one node is refused on the other within the revocation bound.
 */
class MariaDbCacheIT {

    private static final String URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

    static final ClusterNode NODE1 = new ClusterNode("mariadb-cache1", 900, "usersession.cache=on");
    static final ClusterNode NODE2 = new ClusterNode("mariadb-cache2", 1000, "usersession.cache=on");

    @BeforeAll
    static void startNodes() throws Exception {
        try (Connection connection = DriverManager.getConnection(URL);
                Statement statement = connection.createStatement()) {
            TestDatabase.runScript(statement, "schema-mariadb.sql");
            TestDatabase.runScript(statement, "schema-mariadb-cache.sql");
        }
        for (ClusterNode node : List.of(NODE1, NODE2)) {
            node.prepare(Deployments.testApplication("app", "mariadb"), URL);
        }
        NODE1.start();
        NODE2.start();
    }

    @AfterAll
    static void stopNodes() throws Exception {
        NODE1.stop(false);
        NODE2.stop(false);
    }

    @Test
    void aSessionEndedOnOneNodeIsRefusedOnTheOtherWithinTheBound() throws Exception {
        Revocations.Report report = new Revocations(NODE1, NODE2).run(250);
        System.out.println("MariaDbCacheIT revocation with polling every 100 ms: " + report);

        assertTrue(report.cachedOnTheOtherNode(), "the other node served the session from its cache: " + report);
        assertTrue(
                report.latestAcceptance().compareTo(ClusterIT.LATEST_ACCEPTANCE) <= 0, "within the bound: " + report);
    }
}
