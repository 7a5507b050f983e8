package dev.usersession.example;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' Chromium (Debian's, headless, through Debian's chromedriver; {@code shop.chromium} and
 * {@code shop.chromedriver} name others), with the waits and the failure record they share.
 */
final class Browsers {

    private Browsers() {
    }

    /** @return a new headless Chromium with its own profile, logging its console */
    static ChromeDriver chromium(String profile, String windowSize) throws IOException {
        return chromium(profile, windowSize, new ChromeOptions());
    }

    /**
     * Chromium as for {@link #chromium(String, String)}, that also takes the server's self-signed certificate as valid
     * (its public key's hash in {@code --ignore-certificate-errors-spki-list}, which also forgives a name or a date it
     * would otherwise refuse) and can bind sessions to a device with software keys (Device Bound Session Credentials,
     * with no refresh quota). {@code --ignore-certificate-errors} would not do: Chromium then ignores every session
     * registration without a word.
     *
     * @param certificate what the server presents over HTTPS, e.g. {@link ShopServer#certificate()}
     * @return a new headless Chromium with its own profile, logging its console
     */
    static ChromeDriver chromiumTrusting(X509Certificate certificate, String profile, String windowSize)
            throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.addArguments("--ignore-certificate-errors-spki-list=" + publicKeyHash(certificate),
                "--enable-features=DeviceBoundSessions:RefreshQuota/false,"
                        + "EnableBoundSessionCredentialsSoftwareKeysForManualTesting");
        return chromium(profile, windowSize, options);
    }

    /** @return Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo, as Chromium's SPKI lists name keys */
    static String publicKeyHash(X509Certificate certificate) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /**
     * What Chromium reports over DevTools about device-bound sessions from now on: the sessions it already holds
     * ({@code Network.deviceBoundSessionsAdded}, at once: none in a new profile) and each registration, refresh, challenge or end with whether it
     * succeeded and why not ({@code Network.deviceBoundSessionEventOccurred}); a registration that the browser ignores
     * altogether (plain http, an untrusted certificate) leaves none. Raw DevTools messages, so that they do
     * not depend on Selenium having a module for this Chromium's version: each entry is the event's name and its
     * parameters, e.g. {@code Network.deviceBoundSessionEventOccurred {eventId=..., site=https://localhost,
     * succeeded=false, creationEventDetails={fetchResult=...}}}.
     *
     * @return the events, as they arrive (a list that grows; safe to read from the test's thread)
     */
    static List<String> deviceBoundSessionEvents(ChromeDriver driver) {
        List<String> events = new CopyOnWriteArrayList<>();
        DevTools devTools = driver.getDevTools();
        devTools.createSessionIfThereIsNotOne();
        for (String name : List.of("Network.deviceBoundSessionsAdded", "Network.deviceBoundSessionEventOccurred")) {
            devTools.addListener(new Event<Map<String, Object>>(name, input -> input.read(Json.MAP_TYPE)),
                    params -> events.add(name + " " + params));
        }
        devTools.send(new Command<Void>("Network.enableDeviceBoundSessions", Map.of("enable", true)));
        return events;
    }

    private static ChromeDriver chromium(String profile, String windowSize, ChromeOptions options) throws IOException {
        options.setBinary(System.getProperty("shop.chromium", "/usr/bin/chromium"));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=" + windowSize,
                "--user-data-dir=" + Files.createTempDirectory("shop-" + profile));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("shop.chromedriver", "/usr/bin/chromedriver")))
                .build();
        return new ChromeDriver(service, options);
    }

    static WebElement waitFor(WebDriver driver, By element) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    static void waitForText(WebDriver driver, By element, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(element, text));
    }

    /** Saves what the browser shows as {@code directory/name.png}. */
    static void screenshot(WebDriver driver, Path directory, String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(directory);
        Files.copy(shot.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** After a failed step: where the browser is, what it shows, what its console said, and a screenshot. */
    static void record(WebDriver driver, String name, Path screenshots) {
        if (driver == null) {
            return;
        }
        try {
            System.err.println("[" + name + "] at " + driver.getCurrentUrl() + ", showing:\n"
                    + driver.findElement(By.tagName("body")).getText());
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                System.err.println("[" + name + " console] " + entry);
            }
            Files.createDirectories(screenshots);
            screenshot(driver, screenshots, "failed-" + name);
        } catch (RuntimeException | IOException e) {
            System.err.println("[" + name + "] could not be recorded: " + e);
        }
    }

    /**
     * {@link #record(WebDriver, String, Path)}, then what Chromium reported about device-bound sessions
     * ({@link #deviceBoundSessionEvents(ChromeDriver)}).
     */
    static void record(WebDriver driver, String name, Path screenshots, List<String> deviceBoundSessionEvents) {
        record(driver, name, screenshots);
        if (deviceBoundSessionEvents.isEmpty()) {
            System.err.println("[" + name + " device-bound sessions] no event");
        }
        deviceBoundSessionEvents.forEach(event -> System.err.println("[" + name + " device-bound sessions] " + event));
    }
}
