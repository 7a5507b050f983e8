package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The application's own failures (its JPA exceptions, its constraint violations, its JPQL typos) reach the
 * application's error handling: its exception mappers, or the container's 500. Only the library's own store failures
 * become the library's 503.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApplicationFailuresIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("failures");
    }

    @ArquillianResource
    URL base;

    @Test
    void theApplicationsOwnOptimisticLockExceptionIsTheContainersError() {
        assertContainerError(loggedIn().postForm("app/errors/optimistic-lock"));
    }

    @Test
    void theApplicationsOwnConstraintViolationIsTheContainersError() {
        assertContainerError(loggedIn()
                .postForm("app/errors/constraint", "id", UUID.randomUUID().toString()));
    }

    @Test
    void theApplicationsOwnJpqlTypoIsTheContainersError() {
        assertContainerError(loggedIn().postForm("app/errors/jpql-typo"));
    }

    @Test
    void theApplicationsExceptionMapperAnswersItsOwnOptimisticLockException() {
        HttpResponse<String> response = loggedIn().postJson("api/app-errors/optimistic-lock", "{}");

        assertEquals(409, response.statusCode(), response.body());
        assertEquals("{\"app\":\"stale\"}", response.body());
    }

    @Test
    void aConstraintViolationInAResourceWithoutMapperIsTheContainersError() {
        assertContainerError(loggedIn().postJson("api/app-errors/constraint?id=" + UUID.randomUUID(), "{}"));
    }

    @Test
    void aRefusedFactorInAResourceIsAnsweredAsTheLibrarysEndpointAnswersIt() {
        Browser browser = loggedIn();

        HttpResponse<String> endpoint = browser.postJson("usersession/reauthenticate", "{\"code\":\"123456\"}");
        HttpResponse<String> resource = browser.postJson("api/app-errors/factor-code?code=123456", "{}");

        assertTrue(endpoint.statusCode() == 401 || endpoint.statusCode() == 409, endpoint.body());
        assertEquals(endpoint.statusCode(), resource.statusCode(), resource.body());
        assertEquals(endpoint.body(), resource.body(), "the same code and sentence");
        assertTrue(resource.body().startsWith("{\"error\":"), resource.body());
    }

    @Test
    void theLibrarysExceptionsInAResourceAreAnsweredByTheirCodesWhateverTheirSuperclass() {
        // A subclass of a subclass of UserSessionException, a ContextNotActiveException and an
        // IllegalArgumentException: each reaches one of the library's mappers, never the application's 500.
        HttpResponse<String> secondFactor = loggedIn().postJson("api/app-errors/second-factor", "{}");
        HttpResponse<String> noSession = new Browser(base).postJson("api/app-errors/counter", "{}");
        HttpResponse<String> password = loggedIn().postJson("api/app-errors/account?password=short", "{}");

        assertEquals(401, secondFactor.statusCode(), secondFactor.body());
        assertTrue(secondFactor.body().startsWith("{\"error\":\"second_factor_required\""), secondFactor.body());
        assertEquals(401, noSession.statusCode(), noSession.body());
        assertTrue(noSession.body().startsWith("{\"error\":\"not_logged_in\""), noSession.body());
        assertEquals(400, password.statusCode(), password.body());
        assertTrue(password.body().startsWith("{\"error\":\"invalid_password\""), password.body());
        assertEquals("no-store", password.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void anonymousRequestsGetTheContainersErrorToo() {
        assertContainerError(new Browser(base)
                .postForm("app/errors/constraint", "id", UUID.randomUUID().toString()));
    }

    @Test
    void theLibrarysOwnStoreFailureIsStillBrieflyUnavailable() {
        Browser servlet = loggedIn();
        Browser rest = loggedIn();
        Browser admin = new Browser(base);
        admin.postForm("app/store/break");
        HttpResponse<String> fromServlet;
        HttpResponse<String> fromResource;
        try {
            fromServlet = servlet.postForm("test/counter/increment");
            fromResource = rest.postJson("api/app-errors/counter", "{}");
        } finally {
            admin.postForm("app/store/repair");
        }

        for (HttpResponse<String> response : java.util.List.of(fromServlet, fromResource)) {
            assertEquals(503, response.statusCode(), response.body());
            assertEquals(
                    "5",
                    response.headers().firstValue("Retry-After").orElse(""),
                    response.headers().toString());
            assertTrue(response.body().contains("briefly unavailable"), response.body());
            assertFalse(response.body().contains("Exception"), response.body());
        }
        assertEquals("1", servlet.postForm("test/counter/increment").body(), "the store is back");
    }

    @Test
    void aSessionThatCannotBeReadIsTheLibrarys503WithItsShortBody() {
        Browser browser = loggedIn();
        Browser admin = new Browser(base);
        admin.postForm("app/store/break", "table", "user_session");
        HttpResponse<String> page;
        HttpResponse<String> json;
        try {
            page = browser.get("test/whoami");
            json = browser.send(browser.request("test/whoami")
                    .header("Accept", "application/json")
                    .GET());
        } finally {
            admin.postForm("app/store/repair", "table", "user_session");
        }
        assertEquals(503, page.statusCode(), page.body());
        assertEquals(
                "5",
                page.headers().firstValue("Retry-After").orElse(""),
                page.headers().toString());
        assertTrue(
                page.body().contains("briefly unavailable"),
                "the library's answer, not the server's page: " + page.body());
        assertEquals(503, json.statusCode(), json.body());
        assertTrue(json.body().contains("\"error\":\"unavailable\""), json.body());
        HttpResponse<String> back = browser.get("test/whoami");
        assertEquals(200, back.statusCode(), back.body());
        assertFalse(back.body().startsWith("anonymous"), "the session is back with its store: " + back.body());
    }

    private Browser loggedIn() {
        Browser browser = new Browser(base);
        String user = browser.newUser("failing");
        assertEquals(
                200,
                browser.login(user, dev.usersession.it.app.DemoAccounts.PASSWORD)
                        .statusCode());
        return browser;
    }

    private static void assertContainerError(HttpResponse<String> response) {
        assertEquals(500, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Retry-After").isEmpty(), "no Retry-After: " + response.headers());
        assertFalse(response.body().contains("unavailable"), response.body());
    }
}
