package dev.usersession.it;

import static dev.usersession.it.DeviceBindingRequests.offerOf;
import static dev.usersession.it.DeviceBindingRequests.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.internal.onetimecode.OneTimeCodeAlgorithm;
import dev.usersession.it.DeviceBindingRequests.Offer;
import dev.usersession.it.app.DemoAccounts;
import dev.usersession.testing.DeviceKey;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code usersession.device-binding=required-for-level}: a call of {@code @RequiresLogin(level = AAL2)} in a session
 * that is not bound to its browser's key is refused, other calls are not.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeviceBindingForLevelIT {

    private static final OneTimeCodeAlgorithm TOTP = OneTimeCodeAlgorithm.standard();

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("bindingforlevel")
                .addAsResource("it/binding-for-level-config.properties", "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Test
    void aTwoFactorCallNeedsABoundSessionAndAPlainOneDoesNot() {
        Browser browser = new Browser(base);
        String user = browser.newUser("level");
        assertEquals(200, browser.login(user, DemoAccounts.PASSWORD).statusCode());
        byte[] secret = enroll(browser);
        assertEquals(204, browser.postJson("usersession/logout", "{}").statusCode());

        assertEquals(401, browser.login(user, DemoAccounts.PASSWORD).statusCode(), "the password step");
        long step = TOTP.stepAt(Instant.parse(browser.get("test/clock/now").body())) + 1;
        HttpResponse<String> second =
                browser.postJson("usersession/login/second-factor", "{\"code\":\"" + TOTP.codeAt(secret, step) + "\"}");
        assertEquals(200, second.statusCode(), second.body());
        Offer offer = offerOf(second);

        HttpResponse<String> unbound = browser.send(browser.request("test/reports/secret")
                .header("Accept", "application/json")
                .GET());
        assertEquals(403, unbound.statusCode(), unbound.body());
        assertTrue(unbound.body().contains("device_binding_required"), unbound.body());
        assertEquals(200, browser.get("test/reports/mine").statusCode(), "a plain call needs no binding");

        DeviceKey key = DeviceKey.ec();
        assertEquals(
                200,
                register(browser, key.registration(offer.challenge(), offer.authorization()))
                        .statusCode());
        assertEquals(200, browser.get("test/reports/secret").statusCode(), "bound: the two-factor call goes");
    }

    private byte[] enroll(Browser browser) {
        HttpResponse<String> enroll = browser.postJson("usersession/totp/enroll", "{}");
        assertEquals(200, enroll.statusCode(), enroll.body());
        byte[] secret = OneTimeCodeAlgorithm.fromBase32(
                Json.createReader(new StringReader(enroll.body())).readObject().getString("secret"));
        long step = TOTP.stepAt(Instant.parse(browser.get("test/clock/now").body()));
        HttpResponse<String> confirmed =
                browser.postJson("usersession/totp/confirm", "{\"code\":\"" + TOTP.codeAt(secret, step) + "\"}");
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        return secret;
    }
}
