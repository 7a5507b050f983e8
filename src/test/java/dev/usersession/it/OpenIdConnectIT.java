package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.oidc.ProviderSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application that signs users in with an OpenID Connect provider ({@code @OpenIdAuthenticationMechanismDefinition},
 * the server's own mechanism) gets a library session after the provider's callback: the cookie, the session list and
 * {@code @UserSession} state. The provider is a real one ({@code mock-oauth2-server}) that this test starts on a free
 * localhost port; it signs in whoever asks, as the subject the test gives it. On Payara 7 the library's mechanism
 * handler sends a page without a session to the provider and opens the session at the callback; on WildFly 39
 * (Jakarta Security 3.0, no handler) the library's mechanism is off and the session is bound to the caller that the
 * server's OpenID Connect mechanism authenticated.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenIdConnectIT {

    private static final boolean HANDLER_API = "payara".equals(System.getProperty("arquillian.launch"));
    private static final String ISSUER = "default";
    private static final HttpClient PROVIDER_CLIENT =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String WILDFLY_ERROR_PAGE = "Something went wrong. Please try again later.\n";
    private static final String ERROR_PAGE_WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
              <error-page><error-code>500</error-code><location>/sign-in-failed.txt</location></error-page>
            </web-app>
            """;
    private static MockOAuth2Server provider;

    @Deployment(testable = false)
    static WebArchive application() {
        int port = freePort();
        provider = new MockOAuth2Server();
        provider.start(port);
        String settings = "it.oidc.provider-uri=" + provider.issuerUrl(ISSUER) + "\n"
                + (HANDLER_API ? "" : "usersession.mechanism.enabled=false\n");
        WebArchive application = Deployments.testApplication("oidc")
                .addPackage(ProviderSettings.class.getPackage())
                .addAsResource(new StringAsset(settings), "META-INF/microprofile-config.properties");
        // WildFly: the server's mechanism fails before the library runs; the application's error page answers.
        return HANDLER_API
                ? application
                : application
                        .addAsWebInfResource(new StringAsset(ERROR_PAGE_WEB_XML), "web.xml")
                        .addAsWebResource(new StringAsset(WILDFLY_ERROR_PAGE), "sign-in-failed.txt");
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.shutdown();
        }
    }

    @ArquillianResource
    URL base;

    @Test
    @Order(1)
    void aCallerSignedInByTheProviderGetsALibrarySessionWithItsState() {
        Browser browser = new Browser(base);
        String subject = "oidc-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> page = signIn(browser, subject);
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("hello " + subject, page.body());
        assertTrue(browser.cookie().isPresent(), "the library's session cookie is set");
        assertEquals(subject + " true false", browser.get("test/whoami").body(), "the provider's groups are roles");
        assertEquals("1", browser.postForm("test/counter/increment").body());
        assertEquals("2", browser.postForm("test/counter/increment").body());
        assertEquals("1", browser.get("test/db/sessions?user=" + subject).body());

        HttpResponse<String> list = browser.get("usersession/sessions");
        assertEquals(200, list.statusCode(), list.body());
        JsonObject only =
                Json.createReader(new StringReader(list.body())).readArray().getJsonObject(0);
        assertTrue(only.getBoolean("current"), list.body());

        browser.dropContainerSession();
        if (HANDLER_API) {
            assertEquals(
                    subject + " true false",
                    browser.get("test/whoami").body(),
                    "the library's cookie alone authenticates: it is the library's session, not the container's");
            assertEquals("3", browser.postForm("test/counter/increment").body());
        } else {
            // The library's mechanism is off: who the caller is comes from the server's OpenID Connect mechanism,
            // which keeps it in the container's session. Signed in again, the caller finds the same library session.
            assertEquals("anonymous", browser.get("test/whoami").body());
            assertEquals(200, signIn(browser, subject).statusCode());
            assertEquals("3", browser.postForm("test/counter/increment").body());
        }
        assertEquals("1", browser.get("test/db/sessions?user=" + subject).body(), "still the one session");
    }

    @Test
    @Order(3)
    void theProviderGoingAwayMidLoginGivesAClearErrorAndNoSession() {
        Browser browser = new Browser(base);
        String subject = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        provider.enqueueCallback(callback(subject));
        String authorize = location(browser.get("protected"));
        String callback = location(sendToProvider(authorize));
        provider.shutdown(); // the code was issued; the token request of the callback finds nobody

        HttpResponse<String> answer = followWithinApplication(browser, browser.get(callback));
        if (HANDLER_API) {
            // The library's handler gave the callback to the server's mechanism, which threw: a short 502.
            assertEquals(502, answer.statusCode(), answer.body());
            assertEquals("Signing in could not be completed. Please try again later.\n", answer.body());
        } else {
            // WildFly's mechanism throws before the library runs: the server's 500, with the application's error page.
            assertEquals(500, answer.statusCode(), answer.body());
            assertEquals(WILDFLY_ERROR_PAGE, answer.body());
        }
        assertFalse(answer.body().contains("Exception"), answer.body());
        assertTrue(browser.cookie().isEmpty(), "no library cookie");
        assertEquals("0", browser.get("test/db/sessions?user=" + subject).body(), "no library session");
    }

    @Test
    @Order(2)
    void aUserWithTwoFactorsGetsASessionOnlyWhenTheProviderVouchesForASecondFactor() {
        Browser setup = new Browser(base);
        String subject = setup.newUser("mfa");
        assertEquals(200, setup.postForm("test/one-time-codes", "name", subject).statusCode());

        Browser passwordOnly = new Browser(base);
        HttpResponse<String> page = signIn(passwordOnly, subject, List.of("pwd"));
        assertEquals(200, page.statusCode(), "the provider's login is the provider's: " + page.body());
        assertTrue(passwordOnly.cookie().isEmpty(), "but no library session for one factor");
        assertEquals("0", passwordOnly.get("test/db/sessions?user=" + subject).body());
        assertEquals(401, passwordOnly.get("test/reports/mine").statusCode(), "and no @RequiresLogin pass");

        Browser twoFactors = new Browser(base);
        assertEquals(200, signIn(twoFactors, subject, List.of("pwd", "otp")).statusCode());
        assertTrue(twoFactors.cookie().isPresent(), "the provider vouched for a second factor: a library session");
        assertEquals("secret report", twoFactors.get("test/reports/secret").body(), "at AAL2");
        assertEquals(
                "sensitive report", twoFactors.get("test/reports/sensitive").body(), "proved just now");
    }

    /** Follows a protected page through the provider and back, as a browser would; returns the final answer. */
    private HttpResponse<String> signIn(Browser browser, String subject) {
        return signIn(browser, subject, List.of("pwd"));
    }

    private HttpResponse<String> signIn(Browser browser, String subject, List<String> methods) {
        provider.enqueueCallback(callback(subject, methods));
        HttpResponse<String> page = browser.get("protected");
        assertEquals(302, page.statusCode(), "a page without a session goes to the provider: " + page.body());
        String authorize = location(page);
        assertTrue(authorize.startsWith(provider.baseUrl().toString()), authorize);
        return followWithinApplication(browser, browser.get(location(sendToProvider(authorize))));
    }

    /** Follows the application's redirects to itself (the callback may first go back to the page that asked). */
    private HttpResponse<String> followWithinApplication(Browser browser, HttpResponse<String> response) {
        HttpResponse<String> answer = response;
        for (int hops = 0;
                hops < 5 && answer.statusCode() / 100 == 3 && location(answer).startsWith(browser.origin());
                hops++) {
            answer = browser.get(location(answer));
        }
        return answer;
    }

    private static DefaultOAuth2TokenCallback callback(String subject) {
        return callback(subject, List.of("pwd"));
    }

    /** @param methods the authentication methods the provider says it used (the {@code amr} claim) */
    private static DefaultOAuth2TokenCallback callback(String subject, List<String> methods) {
        return new DefaultOAuth2TokenCallback(
                ISSUER,
                subject,
                "JWT",
                List.of(ProviderSettings.CLIENT_ID),
                Map.of("groups", List.of("customer"), "amr", methods),
                3600);
    }

    /** The provider's authorize endpoint signs in at once and sends the browser back with a code. */
    private static HttpResponse<String> sendToProvider(String authorize) {
        try {
            HttpResponse<String> approved = PROVIDER_CLIENT.send(
                    HttpRequest.newBuilder(URI.create(authorize)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, approved.statusCode(), approved.body());
            return approved;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
        return response.uri().resolve(location).toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
