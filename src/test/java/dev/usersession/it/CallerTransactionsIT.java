package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.usersession.it.app.DemoAccounts;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library's writes commit on their own, never with the application's JTA transaction: a rollback of the
 * application's transaction does not undo state the library stored, and a conflict of the library does not doom the
 * application's transaction.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallerTransactionsIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("transactions");
    }

    @ArquillianResource
    URL base;

    @Test
    void aRequestThatFailsInItsOwnTransactionStoresNoSessionState() {
        Browser browser = loggedIn();

        HttpResponse<String> failed = browser.postForm("app/tx/increment-then-fail");

        assertEquals(500, failed.statusCode(), failed.body());
        assertEquals("0", browser.get("test/counter").body());
    }

    @Test
    void stateStoredByRunInSurvivesTheRollbackOfTheCallersTransaction() {
        Browser owner = loggedIn();
        String session = owner.currentSessionId();

        HttpResponse<String> failed = new Browser(base).postForm("app/tx/run-in-then-fail", "session", session);

        assertEquals(500, failed.statusCode(), failed.body());
        assertEquals("1", owner.get("test/counter").body(), "runIn reported the state stored: it stays stored");
    }

    @Test
    void aConflictOfTheLibraryDoesNotDoomTheCallersTransaction() {
        Browser owner = loggedIn();
        assertEquals("1", owner.postForm("test/counter/increment").body());
        String session = owner.currentSessionId();
        String note = UUID.randomUUID().toString();
        Browser other = new Browser(base);

        HttpResponse<String> response = other.postForm("app/tx/note-then-conflict", "id", note, "session", session);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("conflict", response.body());
        assertEquals("true", other.get("app/notes?id=" + note).body(), "the application's own write committed");
        assertEquals("1", owner.get("test/counter").body(), "the conflicting change was not stored");
    }

    private Browser loggedIn() {
        Browser browser = new Browser(base);
        String user = browser.newUser("tx");
        assertEquals(200, browser.login(user, DemoAccounts.PASSWORD).statusCode());
        return browser;
    }
}
