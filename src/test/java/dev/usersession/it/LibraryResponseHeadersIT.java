package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.app.DemoAccounts;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library's own answers (its endpoints' successes, redirects, errors, 405s, and its error answers on the
 * application's paths) tell the browser not to sniff their type and refuse to be framed; the application's own
 * responses are left as the application wrote them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LibraryResponseHeadersIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("own-headers");
    }

    @ArquillianResource
    URL base;

    @Test
    void theLibrarysOwnAnswersRefuseSniffingAndFraming() {
        Browser browser = new Browser(base);
        String user = browser.newUser("headers");
        Browser wrong = new Browser(base);
        Browser form = new Browser(base);
        Browser crossSite = new Browser(base);
        crossSite.login(user, DemoAccounts.PASSWORD);

        List<HttpResponse<String>> answers = List.of(
                browser.login(user, DemoAccounts.PASSWORD),
                browser.get("usersession/sessions"),
                browser.send(browser.request("usersession/login")
                        .header("Accept", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.noBody())),
                browser.send(
                        browser.request("usersession/sessions").method("OPTIONS", HttpRequest.BodyPublishers.noBody())),
                wrong.login(user, "not the password at all"),
                form.postForm("usersession/login", "username", user, "password", DemoAccounts.PASSWORD),
                crossSite.send(crossSite
                        .request("test/counter/increment")
                        .header("Origin", "https://evil.example")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.noBody())));

        assertEquals(
                List.of(200, 200, 405, 200, 401, 303, 403),
                answers.stream().map(HttpResponse::statusCode).toList());
        for (HttpResponse<String> answer : answers) {
            String where = answer.request().method() + " " + answer.uri() + " " + answer.statusCode();
            assertEquals(
                    "nosniff",
                    answer.headers().firstValue("X-Content-Type-Options").orElse(""),
                    where);
            assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElse(""), where);
            assertEquals(
                    "frame-ancestors 'none'",
                    answer.headers().firstValue("Content-Security-Policy").orElse(""),
                    where);
        }
    }

    @Test
    void theApplicationsOwnResponsesAreLeftAlone() {
        Browser browser = new Browser(base);
        browser.login(browser.newUser("alone"), DemoAccounts.PASSWORD);

        HttpResponse<String> page = browser.get("test/whoami");

        assertEquals(200, page.statusCode());
        assertTrue(
                page.headers().firstValue("X-Content-Type-Options").isEmpty(),
                page.headers().toString());
        assertTrue(
                page.headers().firstValue("X-Frame-Options").isEmpty(),
                page.headers().toString());
        assertTrue(
                page.headers().firstValue("Content-Security-Policy").isEmpty(),
                page.headers().toString());
    }
}
