package dev.usersession.example;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
        ChromeOptions options = new ChromeOptions();
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
}
