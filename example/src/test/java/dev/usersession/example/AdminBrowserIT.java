package dev.usersession.example;

import static dev.usersession.example.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
 * The administrator's page in real browsers: the demo administrator finds a customer's session by name, looks at what
 * it stored (the cart), and signs it out; the customer's next page lands on the login page. A customer sees no
 * Admin link and is refused the page.
 */
class AdminBrowserIT {

    private final ShopServer server = new ShopServer();
    private final Path screenshots = Path.of(System.getProperty("shop.screenshots", "target/screenshots"));
    private WebDriver customer;
    private WebDriver admin;

    @RegisterExtension
    final TestExecutionExceptionHandler recordOnFailure = (context, failure) -> {
        Browsers.record(customer, "admin-customer", screenshots);
        Browsers.record(admin, "admin", screenshots);
        throw failure;
    };

    @BeforeEach
    void start() throws Exception {
        server.start();
        customer = Browsers.chromium("admin-customer", "1280,860");
        admin = Browsers.chromium("admin", "1280,860");
    }

    @AfterEach
    void stop() throws Exception {
        for (WebDriver browser : new WebDriver[] {customer, admin}) {
            if (browser != null) {
                browser.quit();
            }
        }
        server.stop();
    }

    @Test
    void theAdministratorFindsLooksAtAndSignsOutACustomersSession() throws IOException {
        String user = "shopper-" + UUID.randomUUID().toString().substring(0, 8);
        customer.get(server.url() + "login.html");
        waitFor(customer, By.id("tab-signup")).click();
        customer.findElement(By.id("new-username")).sendKeys(user);
        customer.findElement(By.id("new-password")).sendKeys("a good long password");
        customer.findElement(By.cssSelector("#signup button[type=submit]")).click();
        waitFor(customer, By.id("add-mug")).click();
        Browsers.waitForText(customer, By.id("count"), "1");
        assertTrue(customer.findElement(By.cssSelector("nav a[data-page=admin]")).getAttribute("hidden") != null,
                "a customer sees no Admin link");
        customer.get(server.url() + "admin.html");
        Browsers.waitForText(customer, By.id("message"), "This page is for administrators.");

        admin.get(server.url() + "login.html");
        waitFor(admin, By.id("username")).sendKeys("admin");
        admin.findElement(By.id("password")).sendKeys("shop-demo-2026");
        admin.findElement(By.id("sign-in")).click();
        waitFor(admin, By.cssSelector("nav a[data-page=admin]:not([hidden])")).click();
        waitFor(admin, By.id("user")).sendKeys(user);
        admin.findElement(By.id("find")).click();
        new WebDriverWait(admin, Duration.ofSeconds(20)).until(driver -> rows(driver).size() == 1
                && rows(driver).get(0).findElement(By.className("user")).getText().equals(user));
        Browsers.screenshot(admin, screenshots, "07-admin-sessions");

        rows(admin).get(0).findElement(By.cssSelector("button.look")).click();
        WebElement state = waitFor(admin, By.id("state-json"));
        new WebDriverWait(admin, Duration.ofSeconds(20)).until(driver -> state.getText().contains("Cart"));
        assertTrue(state.getText().contains("mug"), state.getText());
        Browsers.screenshot(admin, screenshots, "08-admin-stored-state");
        admin.findElement(By.id("state-close")).click();

        rows(admin).get(0).findElement(By.cssSelector("button.end")).click();
        new WebDriverWait(admin, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("message"), "is signed out"));
        new WebDriverWait(admin, Duration.ofSeconds(20)).until(driver -> rows(driver).isEmpty());

        customer.get(server.url() + "index.html");
        new WebDriverWait(customer, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("login.html"));
        assertFalse(customer.getCurrentUrl().contains("index.html"));
    }

    private static java.util.List<WebElement> rows(WebDriver driver) {
        return driver.findElements(By.cssSelector("tr.session"));
    }
}
