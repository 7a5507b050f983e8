package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.usersession.it.app.DemoAccounts;
import java.net.URL;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SQL budget of design.md, counted by the database (H2's query statistics) on the running server, one request at a
 * time. The
 * count is read through a test endpoint that itself runs no statement.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatementBudgetIT {

    @Deployment(testable = false)
    static WebArchive application() {
        // The active-sessions gauge counts the sessions in the background (a few seconds after the start, then every
        // 30 s): not a statement of any request, but it would land in the counted window. Metrics off here.
        return Deployments.testApplication("budget")
                .addAsResource(
                        new org.jboss.shrinkwrap.api.asset.StringAsset("usersession.metrics=none\n"),
                        "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    private long statementsOf(Supplier<Integer> request) {
        Browser inspector = new Browser(base);
        long before = Long.parseLong(inspector.get("test/db/statements").body());
        assertEquals(200, request.get());
        return Long.parseLong(inspector.get("test/db/statements").body()) - before;
    }

    @Test
    void eachKindOfRequestStaysWithinItsBudget() {
        Browser browser = new Browser(base);
        browser.login(browser.newUser("budget"), DemoAccounts.PASSWORD);
        browser.postForm("test/counter/increment");
        Browser anonymous = new Browser(base);

        long anonymousRequest = statementsOf(() -> anonymous.get("test/whoami").statusCode());
        long noBean = statementsOf(() -> browser.get("test/whoami").statusCode());
        long readBean = statementsOf(() -> browser.get("test/counter").statusCode());
        long changeBean =
                statementsOf(() -> browser.postForm("test/counter/increment").statusCode());
        long readAfterChange = statementsOf(() -> browser.get("test/counter").statusCode());
        // A bean without read-only methods: every call uses it, only a change is written.
        long changePlainBean = statementsOf(
                () -> browser.postForm("test/visits/record", "page", "home").statusCode());
        long usePlainBean = statementsOf(() -> browser.get("test/visits").statusCode());

        System.out.printf(
                "StatementBudgetIT (%s): anonymous %d, authenticated without bean %d, "
                        + "read bean %d, change one bean %d, read after change %d; bean without read-only methods: "
                        + "change %d, use without change %d%n",
                System.getProperty("arquillian.launch", "wildfly"),
                anonymousRequest,
                noBean,
                readBean,
                changeBean,
                readAfterChange,
                changePlainBean,
                usePlainBean);
        assertEquals(0, anonymousRequest, "anonymous request");
        assertEquals(1, noBean, "authenticated, touches no bean");
        assertEquals(1, readBean, "reads a bean this node holds: session row only");
        assertEquals(3, changeBean, "session row, state-version bump, one bean update");
        assertEquals(1, readAfterChange, "the node keeps the state it wrote");
        assertEquals(3, changePlainBean, "session row, state-version bump, one bean insert");
        assertEquals(1, usePlainBean, "used but unchanged: compared, not written");
        assertEquals("home", browser.get("test/visits").body());
    }
}
