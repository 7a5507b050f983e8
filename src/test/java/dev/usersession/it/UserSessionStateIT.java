package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.app.DemoAccounts;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** @UserSession state over HTTP: kept between requests and across a redeployment, written before the response. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserSessionStateIT {

    private static final String APP = "state";

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive application() {
        return Deployments.testApplication(APP);
    }

    @ArquillianResource
    Deployer deployer;

    /** Code that runs against the deployed application. */
    interface WithApplication {
        void run(URL base) throws Exception;
    }

    /** Deploys the application, runs the code, and undeploys it whatever happens. */
    private void deployed(WithApplication test) throws Exception {
        deployer.deploy(APP);
        try {
            test.run(base());
        } finally {
            deployer.undeploy(APP);
            Deployments.awaitUndeployed();
        }
    }

    private URL base() throws Exception {
        return new URL("http://127.0.0.1:" + Integer.getInteger("it.http.port") + "/" + APP + "/");
    }

    @Test
    void stateSetInOneRequestIsThereInTheNextAndAfterARedeployment() throws Exception {
        deployed(base -> {
            Browser browser = new Browser(base);
            browser.login(browser.newUser("alice"), DemoAccounts.PASSWORD);
            assertEquals("1", browser.postForm("test/counter/increment").body());
            assertEquals("2", browser.postForm("test/counter/increment").body());
            assertEquals("2", browser.get("test/counter").body());

            deployer.undeploy(APP);
            Deployments.awaitUndeployed();
            deployer.deploy(APP);

            assertEquals("2", browser.get("test/counter").body(), "same cookie, state kept");
            assertEquals("3", browser.postForm("test/counter/increment").body());
        });
    }

    @Test
    void stateIsStoredBeforeAnEarlyCommittedOrLargeResponse() throws Exception {
        deployed(base -> {
            Browser browser = new Browser(base);
            browser.login(browser.newUser("bob"), DemoAccounts.PASSWORD);
            assertEquals(
                    200, browser.postForm("test/counter/increment-then-flush").statusCode());
            HttpResponse<String> large = browser.postForm("test/counter/increment-large");
            assertEquals(200, large.statusCode());
            assertTrue(large.body().length() > 200_000);
            assertEquals(
                    "3",
                    browser.postForm("test/counter/increment-with-length").body(),
                    "a body of declared length commits with its last byte (Payara)");
            assertEquals("3", browser.get("test/counter").body());
        });
    }

    @Test
    void concurrentChangesOfOneSessionOnOneNodeWaitForEachOtherAndAllAreStored() throws Exception {
        // A double click, or a page's parallel requests: none is refused, none is lost (SessionWriteLocks).
        deployed(base -> {
            Browser browser = new Browser(base);
            browser.login(browser.newUser("dave"), DemoAccounts.PASSWORD);
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                sent.add(clients.submit(() -> statuses.merge(
                        browser.postForm("test/counter/increment").statusCode(), 1, Integer::sum)));
            }
            for (Future<?> request : sent) {
                request.get(2, TimeUnit.MINUTES);
            }
            clients.shutdown();

            assertEquals(Map.of(200, 200), statuses, "every concurrent change succeeded");
            assertEquals("200", browser.get("test/counter").body(), "and every one is stored");
            System.out.println("UserSessionStateIT: 200 concurrent increments on one session: " + statuses);
        });
    }
}
