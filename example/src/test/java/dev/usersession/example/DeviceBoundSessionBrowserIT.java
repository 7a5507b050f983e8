package dev.usersession.example;

import static dev.usersession.example.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Device-bound sessions in a real Chromium (software keys, HTTPS it trusts): signing in binds the session to a key the
 * browser keeps; when the short-lived bound cookie has expired, the browser renews it with a signed proof on its own
 * and the page works; the same cookies copied into another client stop working once their bound cookie expires. The
 * shop runs with a bound cookie of 150 seconds, half the default, so that the test waits for one expiry only.
 */
class DeviceBoundSessionBrowserIT {

    /**
     * Above the 2 minutes before expiry in which Chromium renews a bound cookie ahead of time: shorter, and it renews
     * before every request, so that requests race their own renewals (a lifetime this short is no real setting).
     */
    private static final Duration BOUND_COOKIE_LIFETIME = Duration.ofSeconds(150);

    private final ShopServer server = new ShopServer(
            List.of("-Dusersession.device-binding.cookie-lifetime=" + BOUND_COOKIE_LIFETIME));
    private final Path screenshots = Path.of(System.getProperty("shop.screenshots", "target/screenshots"));
    private ChromeDriver browser;
    private List<String> events = List.of();

    @RegisterExtension
    final TestExecutionExceptionHandler recordOnFailure = (context, failure) -> {
        Browsers.record(browser, "bound", screenshots, events);
        throw failure;
    };

    @BeforeEach
    void start() throws Exception {
        server.start();
        browser = Browsers.chromiumTrusting(server.certificate(), "bound", "1280,860");
        events = Browsers.deviceBoundSessionEvents(browser);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        server.stop();
    }

    @Test
    void aBoundBrowserRenewsItsCookieWhileACopyOfItsCookiesStopsWorking() throws Exception {
        String user = "bound-" + UUID.randomUUID().toString().substring(0, 8);
        browser.get(server.httpsUrl() + "login.html");
        waitFor(browser, By.id("tab-signup")).click();
        browser.findElement(By.id("new-username")).sendKeys(user);
        browser.findElement(By.id("new-password")).sendKeys("a good long password");
        browser.findElement(By.cssSelector("#signup button[type=submit]")).click();
        waitFor(browser, By.id("add-mug"));

        Cookie first = new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> cookieEndingWith("-bound"));
        assertTrue(events.stream().anyMatch(event -> event.contains("succeeded=true")), "registered: " + events);
        String copied = copiedCookies(); // what an infostealer takes off the device now
        assertEquals(200, apiStatus(copied, "api/account/me"), "the copy works while its bound cookie lives");
        assertTrue(apiBody(copied, "usersession/sessions").contains("\"deviceBound\":true"));
        browser.get(server.httpsUrl() + "sessions.html");
        assertEquals("Bound to device", waitFor(browser, By.cssSelector("#sessions .bound")).getText());

        Thread.sleep(Math.max(0, first.getExpiry().getTime() + 2_000 - System.currentTimeMillis()));
        assertEquals(401, apiStatus(copied, "api/account/me"), "the copy is refused once its bound cookie expired");

        browser.get(server.httpsUrl() + "account.html"); // the browser renews the cookie with its key, then loads
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> !driver.findElement(By.id("level")).getText().isEmpty());
        assertTrue(browser.getCurrentUrl().contains("account.html"), "still signed in: " + browser.getCurrentUrl());
        Cookie renewed = cookieEndingWith("-bound");
        assertNotNull(renewed, "renewed by the browser's signed refresh: " + events);
        assertNotEquals(first.getValue(), renewed.getValue());
        assertTrue(events.stream().anyMatch(event -> event.contains("refreshResult=Refreshed")), "refreshed: " + events);
        assertEquals(401, apiStatus(copied, "api/account/me"), "and the copy stays refused");
    }

    /** @return every cookie the browser holds for the shop, as a {@code Cookie} header (what an infostealer takes) */
    private String copiedCookies() {
        StringBuilder header = new StringBuilder();
        for (Cookie cookie : browser.manage().getCookies()) {
            header.append(header.length() == 0 ? "" : "; ").append(cookie.getName()).append('=').append(cookie.getValue());
        }
        return header.toString();
    }

    private int apiStatus(String cookies, String path) throws Exception {
        return call(cookies, path).statusCode();
    }

    private String apiBody(String cookies, String path) throws Exception {
        return call(cookies, path).body();
    }

    private HttpResponse<String> call(String cookies, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TrustingTls.context()).build();
        return client.send(HttpRequest.newBuilder(URI.create(server.httpsUrl() + path))
                .header("Cookie", cookies).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Cookie cookieEndingWith(String suffix) {
        return browser.manage().getCookies().stream()
                .filter(cookie -> cookie.getName().endsWith(suffix)).findFirst().orElse(null);
    }
}
