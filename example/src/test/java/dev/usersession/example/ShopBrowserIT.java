package dev.usersession.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The shop in a real browser (Debian's headless Chromium): sign up, fill the cart, restart the server, find the cart;
 * then a second browser signs in as the same user, the first ends that session, and the second is sent to the login
 * page at its next click. Screenshots of each page go to {@code target/screenshots}.
 */
class ShopBrowserIT {

    private static final String PASSWORD = "a good long password";

    private final ShopServer server = new ShopServer();
    private final Path screenshots = Path.of(System.getProperty("shop.screenshots", "target/screenshots"));
    private WebDriver laptop;
    private WebDriver phone;

    /** When a step fails: where each browser is, what it shows, and what its console said (failed requests too). */
    @RegisterExtension
    final TestExecutionExceptionHandler recordBrowsersOnFailure = (context, failure) -> {
        record(laptop, "laptop");
        record(phone, "phone");
        throw failure;
    };

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(screenshots);
        server.start();
        laptop = browser("laptop");
        phone = browser("phone");
    }

    @AfterEach
    void stop() throws Exception {
        for (WebDriver driver : new WebDriver[] {laptop, phone}) {
            if (driver != null) {
                driver.quit();
            }
        }
        server.stop();
    }

    @Test
    void cartSurvivesARestartAndOneDeviceSignsOutAnother() throws Exception {
        String user = "shopper-" + UUID.randomUUID().toString().substring(0, 8);

        laptop.get(server.url());
        waitFor(laptop, By.id("sign-in"));
        screenshot(laptop, "01-login");
        laptop.findElement(By.id("tab-signup")).click();
        laptop.findElement(By.id("new-username")).sendKeys(user);
        laptop.findElement(By.id("new-password")).sendKeys(PASSWORD);
        laptop.findElement(By.cssSelector("#signup button[type=submit]")).click();

        waitFor(laptop, By.id("add-mug"));
        for (String product : List.of("mug", "teapot", "espresso")) {
            laptop.findElement(By.id("add-" + product)).click();
        }
        waitForText(laptop, By.id("count"), "3");
        screenshot(laptop, "02-shop-with-cart");

        server.stop();
        server.start();

        laptop.navigate().refresh();
        waitForText(laptop, By.id("count"), "3");
        assertEquals(3, laptop.findElements(By.cssSelector("#lines li[data-product]")).size());
        screenshot(laptop, "03-cart-after-restart");

        phone.get(server.url() + "login.html");
        waitFor(phone, By.id("username")).sendKeys(user);
        phone.findElement(By.id("password")).sendKeys(PASSWORD);
        phone.findElement(By.id("sign-in")).click();
        waitForText(phone, By.id("count"), "3");

        laptop.get(server.url() + "sessions.html");
        new WebDriverWait(laptop, Duration.ofSeconds(20))
                .until(driver -> driver.findElements(By.cssSelector("tr.session")).size() == 2);
        screenshot(laptop, "04-your-sessions");
        laptop.findElement(By.cssSelector("button.end")).click();
        new WebDriverWait(laptop, Duration.ofSeconds(20))
                .until(driver -> driver.findElements(By.cssSelector("tr.session")).size() == 1);

        phone.findElement(By.id("add-filter")).click();
        new WebDriverWait(phone, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("login.html"));
        WebElement message = waitFor(phone, By.id("message"));
        assertTrue(message.getText().contains("Your session has ended"), message.getText());
        screenshot(phone, "05-ended-session-lands-on-login");

        laptop.get(server.url() + "account.html");
        waitFor(laptop, By.id("current"));
        screenshot(laptop, "06-account");
        laptop.get(server.url());
        waitForText(laptop, By.id("count"), "3");
    }

    private WebDriver browser(String profile) throws IOException {
        return Browsers.chromium(profile, "1280,860");
    }

    private static WebElement waitFor(WebDriver driver, By element) {
        return Browsers.waitFor(driver, element);
    }

    private static void waitForText(WebDriver driver, By element, String text) {
        Browsers.waitForText(driver, element, text);
    }

    private void record(WebDriver driver, String name) {
        Browsers.record(driver, name, screenshots);
    }

    private void screenshot(WebDriver driver, String name) throws IOException {
        Browsers.screenshot(driver, screenshots, name);
    }
}
