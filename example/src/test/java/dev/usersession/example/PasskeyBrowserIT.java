package dev.usersession.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Passkeys in a real browser: Chromium's WebDriver virtual authenticator (a platform authenticator that keeps
 * discoverable credentials and verifies its user) stands in for a fingerprint. A fresh user signs up with a password,
 * adds a passkey on the account page, signs out, signs in with the passkey alone, and removes it. The shop is opened
 * as {@code http://localhost}: WebAuthn needs a secure context, and the relying party id is then {@code localhost}.
 *
 * <p>With {@code -Dscreenshots.dir=DIR} the test also saves the README's screenshots there: the account page with a
 * passkey listed, and with the QR code of a new authenticator-app secret. Without it, it writes nothing into the tree.
 */
class PasskeyBrowserIT {

    private static final String PASSWORD = "a good long password";

    private final ShopServer server = new ShopServer();
    private final Path failures = Path.of(System.getProperty("shop.screenshots", "target/screenshots"));
    private final String readmeShots = System.getProperty("screenshots.dir", "");
    private ChromeDriver browser;
    private VirtualAuthenticator authenticator;

    @RegisterExtension
    final TestExecutionExceptionHandler recordBrowserOnFailure = (context, failure) -> {
        Browsers.record(browser, "passkeys", failures);
        throw failure;
    };

    @BeforeEach
    void start() throws Exception {
        server.start();
        browser = Browsers.chromium("passkeys", "1280,1000");
        authenticator = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true));
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        server.stop();
    }

    @Test
    void aPasskeyAddedOnTheAccountPageSignsInWithoutAPassword() throws Exception {
        String user = "keyholder-" + UUID.randomUUID().toString().substring(0, 8);
        String shop = server.url("localhost");

        browser.get(shop + "login.html");
        Browsers.waitFor(browser, By.id("tab-signup")).click();
        browser.findElement(By.id("new-username")).sendKeys(user);
        browser.findElement(By.id("new-password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#signup button[type=submit]")).click();
        Browsers.waitFor(browser, By.id("add-mug"));

        browser.get(shop + "account.html");
        Browsers.waitFor(browser, By.id("passkey-name")).sendKeys("Test laptop");
        browser.findElement(By.id("passkey-register")).click();
        WebElement listed = waitForPasskeys(1).get(0);
        assertTrue(listed.getText().contains("Test laptop"), listed.getText());
        assertEquals(1, authenticator.getCredentials().size());
        assertTrue(authenticator.getCredentials().get(0).isResidentCredential());
        readmeScreenshot(By.id("passkeys"), "account-passkeys");

        browser.findElement(By.id("logout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("login.html"));
        Browsers.waitFor(browser, By.id("passkey-sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("index.html"));
        Browsers.waitForText(browser, By.cssSelector(".who"), "Signed in as " + user);

        browser.get(shop + "account.html");
        Browsers.waitForText(browser, By.id("level"), "This session was signed in with two factors.");
        waitForPasskeys(1).get(0).findElement(By.cssSelector("button.remove-passkey")).click();
        waitForPasskeys(0);
        Browsers.waitFor(browser, By.cssSelector("#passkey-list td.empty"));

        if (!readmeShots.isEmpty()) {
            browser.findElement(By.id("totp-enable")).click();
            Browsers.waitFor(browser, By.id("totp-qr"));
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> (Boolean) ((JavascriptExecutor) driver)
                    .executeScript("return document.getElementById('totp-qr').naturalWidth > 0"));
            readmeScreenshot(By.id("two-step"), "account-two-step-qr");
        }
    }

    private java.util.List<WebElement> waitForPasskeys(int count) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(driver -> driver.findElements(By.cssSelector("tr.passkey")).size() == count);
        } catch (RuntimeException e) {
            Browsers.record(browser, "passkeys", java.nio.file.Path.of("target", "browser-failures"));
            throw e;
        }
        return browser.findElements(By.cssSelector("tr.passkey"));
    }

    /** With {@code screenshots.dir}: the page, scrolled so that the element is in view. */
    private void readmeScreenshot(By element, String name) throws Exception {
        if (readmeShots.isEmpty()) {
            return;
        }
        Path directory = Path.of(readmeShots);
        Files.createDirectories(directory);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser.findElement(element));
        Browsers.screenshot(browser, directory, name);
    }
}
