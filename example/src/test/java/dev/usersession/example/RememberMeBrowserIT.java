package dev.usersession.example;

import static dev.usersession.example.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The "keep me signed in" box in a real browser: a user who ticked it and whose session cookie is gone (the browser
 * was closed, the session expired) is signed in again at the next page, with a new remember token.
 */
class RememberMeBrowserIT {

    private final ShopServer server = new ShopServer();
    private final Path screenshots = Path.of(System.getProperty("shop.screenshots", "target/screenshots"));
    private WebDriver browser;

    @RegisterExtension
    final TestExecutionExceptionHandler recordOnFailure = (context, failure) -> {
        Browsers.record(browser, "remember", screenshots);
        throw failure;
    };

    @BeforeEach
    void start() throws Exception {
        server.start();
        browser = Browsers.chromium("remember", "1280,860");
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        server.stop();
    }

    @Test
    void aRememberedBrowserIsSignedInAgainWithoutItsSessionCookie() {
        String user = "keeper-" + UUID.randomUUID().toString().substring(0, 8);
        browser.get(server.url() + "login.html");
        waitFor(browser, By.id("remember")).click();
        browser.findElement(By.id("tab-signup")).click();
        browser.findElement(By.id("new-username")).sendKeys(user);
        browser.findElement(By.id("new-password")).sendKeys("a good long password");
        browser.findElement(By.cssSelector("#signup button[type=submit]")).click();
        waitFor(browser, By.id("add-mug"));

        Cookie remember = cookieEndingWith("-remember");
        assertNotNull(remember, "the box was ticked: " + browser.manage().getCookies());
        browser.manage().deleteCookie(sessionCookie());

        browser.get(server.url() + "account.html");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> !driver.findElement(By.id("level")).getText().isEmpty());
        assertTrue(browser.getCurrentUrl().contains("account.html"), browser.getCurrentUrl());
        assertNotNull(sessionCookie(), "a new session from the remember cookie");
        assertNotEquals(remember.getValue(), cookieEndingWith("-remember").getValue(), "the token was replaced");
    }

    private Cookie sessionCookie() {
        return browser.manage().getCookies().stream()
                .filter(cookie -> cookie.getName().endsWith("usersession")).findFirst().orElse(null);
    }

    private Cookie cookieEndingWith(String suffix) {
        return browser.manage().getCookies().stream()
                .filter(cookie -> cookie.getName().endsWith(suffix)).findFirst().orElse(null);
    }
}
