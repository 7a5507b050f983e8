package dev.usersession.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The shop's pages, scripts and API answer with the headers a security review (or a scanner such as wapiti) looks
 * for: a content security policy that forbids framing and inline scripts, {@code nosniff}, {@code X-Frame-Options},
 * and HSTS over HTTPS, which both servers serve (with self-signed certificates that Chromium accepts when told their
 * key, as the device-bound session tests need). That the pages work under that policy is what the browser tests show.
 */
class ShopSecurityHeadersIT {

    private static final ShopServer SERVER = new ShopServer();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Path SCREENSHOTS = Path.of(System.getProperty("shop.screenshots", "target/screenshots"));

    @BeforeAll
    static void start() throws Exception {
        SERVER.start();
    }

    @AfterAll
    static void stop() throws Exception {
        SERVER.stop();
    }

    @Test
    void pagesScriptsAndTheApiRefuseFramingSniffingAndInlineScripts() throws Exception {
        for (String path : List.of("", "login.html", "account.html", "app.js", "style.css", "api/products",
                "usersession/sessions")) {
            HttpResponse<String> response = get(CLIENT, SERVER.url() + path);
            String where = path + " " + response.statusCode() + " " + response.headers();

            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), where);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), where);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("frame-ancestors 'none'"), where);
            if (!path.startsWith("usersession/")) { // the library's endpoints answer JSON under their own policy
                assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, policy, where);
                assertTrue(response.headers().firstValue("Strict-Transport-Security").isEmpty(),
                        "no HSTS over plain http: " + where);
            }
        }
    }

    @Test
    void overHttpsThePagesAskForHttpsOnly() throws Exception {
        HttpClient trustingClient = HttpClient.newBuilder().sslContext(TrustingTls.context()).build();

        HttpResponse<String> page = get(trustingClient, SERVER.httpsUrl() + "login.html");

        assertEquals(200, page.statusCode());
        assertEquals("max-age=31536000", page.headers().firstValue("Strict-Transport-Security").orElse(""));
    }

    /**
     * What a device-bound session needs of the browser tests: Chromium takes the server's self-signed certificate as
     * valid once told its key (no "Privacy error" page, whose title this would be), and reports device-bound sessions
     * over DevTools. Payara's certificate names {@code localhost} only in its subject (no subject alternative name,
     * which Chromium otherwise requires): the key's hash excuses that too.
     */
    @Test
    void chromiumToldTheCertificatesKeyOpensTheShopOverHttps() throws Exception {
        ChromeDriver chromium = Browsers.chromiumTrusting(SERVER.certificate(), "https", "1280,900");
        try {
            List<String> events = Browsers.deviceBoundSessionEvents(chromium);
            try {
                chromium.get(SERVER.httpsUrl() + "login.html");

                Browsers.waitFor(chromium, By.id("sign-in"));
                assertEquals("Sign in · usersession shop", chromium.getTitle());
                assertEquals(SERVER.httpsUrl() + "login.html", chromium.getCurrentUrl());
                new WebDriverWait(chromium, Duration.ofSeconds(10)).until(driver -> !events.isEmpty());
                assertEquals(List.of("Network.deviceBoundSessionsAdded {sessions=[]}"), events, "none in a new profile");
            } catch (AssertionError | RuntimeException e) {
                Browsers.record(chromium, "https", SCREENSHOTS, events);
                throw e;
            }
        } finally {
            chromium.quit();
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
