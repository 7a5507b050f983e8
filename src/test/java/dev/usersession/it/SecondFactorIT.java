package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.internal.onetimecode.OneTimeCodeAlgorithm;
import dev.usersession.it.app.DemoAccounts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Step-up and second factors over HTTP: one-time codes make a login two steps (a right password alone gives no
 * session), codes and recovery codes are accepted once, wrong codes are throttled, bad input gets a clear 4xx, and
 * sensitive calls need a recent proof that re-authentication gives on the same session with a new token.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecondFactorIT {

    private static final OneTimeCodeAlgorithm TOTP = OneTimeCodeAlgorithm.standard();

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("factors");
    }

    @ArquillianResource
    URL base;

    @Test
    void withOneTimeCodesARightPasswordAloneOpensNoSessionAndEachCodeWorksOnce() {
        Enrolled user = enrolled();
        Browser browser = new Browser(base);

        HttpResponse<String> password = browser.login(user.name, DemoAccounts.PASSWORD);
        assertEquals(401, password.statusCode());
        assertEquals("second_factor_required", error(password));
        assertTrue(browser.cookie().isEmpty(), "no session cookie after the password step");
        assertTrue(browser.pendingCookie().isPresent());
        assertEquals("anonymous", browser.get("test/whoami").body());

        HttpResponse<String> replayed = secondFactor(browser, TOTP.codeAt(user.secret, user.confirmedStep));
        assertEquals(401, replayed.statusCode(), "the confirmation's code is used up");
        assertEquals("invalid_code", error(replayed));

        HttpResponse<String> next = secondFactor(browser, TOTP.codeAt(user.secret, user.confirmedStep + 1));
        assertEquals(200, next.statusCode(), next.body());
        assertEquals("AAL2", json(next).getString("level"));
        assertTrue(browser.cookie().isPresent());
        assertTrue(browser.pendingCookie().isEmpty(), "the pending step is over");
        assertTrue(browser.get("test/whoami").body().startsWith(user.name + " "));
        assertEquals(200, browser.get("test/reports/secret").statusCode(), "two factors reach AAL2");

        Browser other = new Browser(base);
        assertEquals(401, other.login(user.name, DemoAccounts.PASSWORD).statusCode());
        assertEquals("invalid_code", error(secondFactor(other, TOTP.codeAt(user.secret, user.confirmedStep + 1))));
    }

    @Test
    void aPasswordChangedBetweenThePasswordAndTheCodeOpensNoSession() {
        Enrolled user = enrolled();
        Browser reset = new Browser(base);
        assertEquals("second_factor_required", error(reset.login(user.name, DemoAccounts.PASSWORD)));
        assertEquals(
                "true",
                new Browser(base)
                        .postForm("test/reset-password", "name", user.name, "new", "a new long passphrase 42")
                        .body());
        assertEquals(
                400,
                secondFactor(reset, TOTP.codeAt(user.secret, user.confirmedStep + 1))
                        .statusCode(),
                "a change deletes the pending steps it finds");

        // A change that commits after the code step read its pending step (another node, a moment later): only the
        // credentials version tells.
        Browser raced = new Browser(base);
        assertEquals("second_factor_required", error(raced.login(user.name, "a new long passphrase 42")));
        assertEquals(
                "1",
                new Browser(base)
                        .postForm("app/accounts/credentials-changed", "name", user.name)
                        .body());
        HttpResponse<String> code = secondFactor(raced, TOTP.codeAt(user.secret, user.confirmedStep + 1));

        assertEquals(401, code.statusCode(), code.body());
        assertTrue(raced.cookie().isEmpty(), "no session cookie: " + code.headers());
        assertEquals("anonymous", raced.get("test/whoami").body());
        assertEquals(
                "0", new Browser(base).get("test/db/sessions?user=" + user.name).body());
    }

    @Test
    void aRecoveryCodeCompletesALoginOnce() {
        Enrolled user = enrolled();
        Browser first = new Browser(base);
        first.login(user.name, DemoAccounts.PASSWORD);
        assertEquals(200, secondFactor(first, user.recoveryCodes.get(0)).statusCode());

        Browser second = new Browser(base);
        second.login(user.name, DemoAccounts.PASSWORD);
        assertEquals("invalid_code", error(secondFactor(second, user.recoveryCodes.get(0))));
        assertEquals(200, secondFactor(second, user.recoveryCodes.get(1)).statusCode());
        assertEquals(8, json(second.get("usersession/totp")).getInt("recoveryCodesLeft"));
    }

    @Test
    void wrongCodesAreThrottledAndTheRightOneThenWaitsToo() {
        Enrolled user = enrolled();
        Browser browser = new Browser(base);
        browser.login(user.name, DemoAccounts.PASSWORD);
        String wrong = TOTP.codeAt(user.secret, user.confirmedStep + 1000);
        HttpResponse<String> last = null;
        for (int attempt = 0; attempt < 8 && (last == null || last.statusCode() != 429); attempt++) {
            last = secondFactor(browser, wrong);
        }
        assertEquals(429, last.statusCode(), last.body());
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
        assertEquals(
                429,
                secondFactor(browser, TOTP.codeAt(user.secret, user.confirmedStep + 1))
                        .statusCode());
        assertTrue(browser.cookie().isEmpty());
    }

    @Test
    void badInputGetsAShortClearErrorAndNothingIsStored() {
        Browser stranger = new Browser(base);
        assertEquals("no_pending_step", error(secondFactor(stranger, "123456")));

        Enrolled user = enrolled();
        Browser browser = new Browser(base);
        browser.login(user.name, DemoAccounts.PASSWORD);
        for (String junk : List.of("12345", "abcdef", "1234567890123", "' or 1=1 --")) {
            HttpResponse<String> answer = secondFactor(browser, junk);
            assertEquals(400, answer.statusCode(), junk + ": " + answer.body());
            assertEquals("malformed_code", error(answer));
        }

        Browser passkey = new Browser(base);
        HttpResponse<String> options = passkey.postJson("usersession/login/passkey/options", "{}");
        assertEquals(200, options.statusCode(), options.body());
        assertFalse(json(options).getString("challenge").isEmpty());
        HttpResponse<String> unknown = passkey.postJson(
                "usersession/login/passkey",
                "{\"credential\":{\"id\":\"AAAA\","
                        + "\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\","
                        + "\"authenticatorData\":\"AAAA\",\"signature\":\"AAAA\"}}}");
        assertTrue(unknown.statusCode() == 400 || unknown.statusCode() == 401, unknown.body());
        HttpResponse<String> again = passkey.postJson("usersession/login/passkey", "{\"credential\":{}}");
        assertEquals("no_pending_step", error(again), "a challenge is used once");
        assertEquals("malformed_credential", error(passkey.postJson("usersession/login/passkey", "{}")));
        assertTrue(passkey.cookie().isEmpty());
    }

    @Test
    void aPendingLoginExpiresAndAFormLoginIsSentToTheLoginPageForItsCode() {
        Enrolled user = enrolled();
        Browser form = new Browser(base);
        HttpResponse<String> redirected = form.postForm(
                "usersession/login", "username", user.name, "password", DemoAccounts.PASSWORD, "next", "/reports");
        assertEquals(303, redirected.statusCode());
        assertTrue(
                redirected.headers().firstValue("Location").orElse("").contains("error=second_factor_required"),
                redirected.headers().toString());
        assertTrue(form.pendingCookie().isPresent(), "the redirect keeps the pending cookie");
        assertTrue(form.cookie().isEmpty());

        Browser slow = new Browser(base);
        slow.login(user.name, DemoAccounts.PASSWORD);
        slow.postForm("test/clock/advance", "by", "PT6M");
        HttpResponse<String> late = secondFactor(
                slow,
                TOTP.codeAt(
                        user.secret,
                        TOTP.stepAt(Instant.parse(slow.get("test/clock/now").body()))));
        assertEquals(400, late.statusCode(), late.body());
        assertEquals("no_pending_step", error(late), "a pending login lasts five minutes");
        assertTrue(slow.cookie().isEmpty());
    }

    @Test
    void aSensitiveCallNeedsARecentProofThatReauthenticationGivesWithANewToken() {
        Browser browser = new Browser(base);
        String user = browser.newUser("stepup");
        assertEquals(200, browser.login(user, DemoAccounts.PASSWORD).statusCode());
        assertEquals(200, browser.get("test/reports/sensitive").statusCode());
        assertEquals("second_factor_required", error(getJson(browser, "test/reports/secret")));

        browser.postForm("test/clock/advance", "by", "PT6M");
        HttpResponse<String> stale = getJson(browser, "test/reports/sensitive");
        assertEquals(401, stale.statusCode());
        assertEquals("reauthentication_required", error(stale));

        assertEquals(
                "invalid",
                error(browser.postJson("usersession/reauthenticate", "{\"password\":\"not the password\"}")));
        String before = browser.cookie().orElseThrow();
        HttpResponse<String> again =
                browser.postJson("usersession/reauthenticate", "{\"password\":\"" + DemoAccounts.PASSWORD + "\"}");
        assertEquals(200, again.statusCode(), again.body());
        assertNotEquals(before, browser.cookie().orElseThrow(), "a privilege change issues a new token");
        assertEquals(200, browser.get("test/reports/sensitive").statusCode());

        Browser thief = new Browser(base);
        thief.setCookie(before);
        assertEquals("anonymous", thief.get("test/whoami").body(), "the old token ended");
    }

    @Test
    void aStaleSessionCannotAddAFactorAndConfirmingCodesProvesNothingMore() {
        Browser browser = new Browser(base);
        String user = browser.newUser("stale");
        assertEquals(200, browser.login(user, DemoAccounts.PASSWORD).statusCode());
        browser.postForm("test/clock/advance", "by", "PT6M");
        for (String path : List.of("usersession/totp/enroll", "usersession/passkeys/registration/options")) {
            HttpResponse<String> refused = browser.postJson(path, "{}");
            assertEquals(401, refused.statusCode(), path + ": " + refused.body());
            assertEquals("reauthentication_required", error(refused), path);
        }

        Enrolled fresh = enrolled();
        Browser owner = new Browser(base);
        assertEquals(401, owner.login(fresh.name, DemoAccounts.PASSWORD).statusCode());
        assertEquals(200, secondFactor(owner, fresh.recoveryCodes.get(0)).statusCode());
        // The browser that enrolled proved a password only: the code of a secret it was just given proves no more.
        Browser enroller = new Browser(base);
        String other = enroller.newUser("enroller");
        assertEquals(200, enroller.login(other, DemoAccounts.PASSWORD).statusCode());
        JsonObject enrollment = json(enroller.postJson("usersession/totp/enroll", "{}"));
        byte[] secret = OneTimeCodeAlgorithm.fromBase32(enrollment.getString("secret"));
        long step = TOTP.stepAt(Instant.parse(enroller.get("test/clock/now").body()));
        assertEquals(
                200,
                enroller.postJson("usersession/totp/confirm", "{\"code\":\"" + TOTP.codeAt(secret, step) + "\"}")
                        .statusCode());
        assertEquals("second_factor_required", error(getJson(enroller, "test/reports/secret")));
    }

    @Test
    void aStolenCookieWithTheSavedPasswordCannotManageFactorsNorPassARecentSecondFactorCheck() {
        Enrolled user = enrolled();
        Browser victim = new Browser(base);
        assertEquals(401, victim.login(user.name, DemoAccounts.PASSWORD).statusCode());
        assertEquals(200, secondFactor(victim, user.recoveryCodes.get(0)).statusCode());
        assertEquals(200, victim.get("test/reports/recent-secret").statusCode(), "two factors just now");

        // What an infostealer takes: the AAL2 session's cookie and the saved password; used a while later.
        Browser thief = new Browser(base);
        thief.setCookie(victim.cookie().orElseThrow());
        thief.postForm("test/clock/advance", "by", "PT10M");
        HttpResponse<String> password =
                thief.postJson("usersession/reauthenticate", "{\"password\":\"" + DemoAccounts.PASSWORD + "\"}");
        assertEquals(200, password.statusCode(), password.body());
        assertEquals("AAL1", json(password).getString("level"), "a fresh password is not a fresh second factor");
        assertEquals("second_factor_required", error(getJson(thief, "test/reports/recent-secret")));
        for (String path : List.of(
                "usersession/totp/recovery-codes",
                "usersession/totp/disable",
                "usersession/passkeys/registration/options")) {
            HttpResponse<String> refused = thief.postJson(path, "{}");
            assertEquals(401, refused.statusCode(), path + ": " + refused.body());
            assertEquals("second_factor_required", error(refused), path);
        }

        // The owner signs in with two factors and turns codes off: the thief's session ends with the change.
        Browser owner = new Browser(base);
        assertEquals(401, owner.login(user.name, DemoAccounts.PASSWORD).statusCode());
        assertEquals(200, secondFactor(owner, user.recoveryCodes.get(1)).statusCode());
        HttpResponse<String> disabled = owner.postJson("usersession/totp/disable", "{}");
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertTrue(json(disabled).getBoolean("disabled"));
        assertEquals("anonymous", thief.get("test/whoami").body(), "adding or removing a factor ends other sessions");
        assertTrue(owner.get("test/whoami").body().startsWith(user.name + " "), "and keeps the owner's");
    }

    /** A new user with one-time codes enabled through the library's endpoints. */
    private Enrolled enrolled() {
        Browser browser = new Browser(base);
        String name = browser.newUser("totp");
        assertEquals(200, browser.login(name, DemoAccounts.PASSWORD).statusCode());
        HttpResponse<String> enroll = browser.postJson("usersession/totp/enroll", "{}");
        assertEquals(200, enroll.statusCode(), enroll.body());
        JsonObject enrollment = json(enroll);
        assertTrue(enrollment.getString("otpauthUri").startsWith("otpauth://totp/"));
        assertTrue(enrollment.getString("qrCode").startsWith("data:image/svg+xml;base64,"));
        byte[] secret = OneTimeCodeAlgorithm.fromBase32(enrollment.getString("secret"));
        long step = TOTP.stepAt(Instant.parse(browser.get("test/clock/now").body()));
        HttpResponse<String> confirmed =
                browser.postJson("usersession/totp/confirm", "{\"code\":\"" + TOTP.codeAt(secret, step) + "\"}");
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        List<String> recovery =
                json(confirmed).getJsonArray("recoveryCodes").getValuesAs(jakarta.json.JsonString::getString);
        assertEquals(10, recovery.size());
        assertTrue(json(browser.get("usersession/totp")).getBoolean("enabled"));
        return new Enrolled(name, secret, step, recovery);
    }

    private static HttpResponse<String> secondFactor(Browser browser, String code) {
        return browser.postJson(
                "usersession/login/second-factor",
                Json.createObjectBuilder().add("code", code).build().toString());
    }

    private static HttpResponse<String> getJson(Browser browser, String path) {
        return browser.send(
                browser.request(path).header("Accept", "application/json").GET());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String error(HttpResponse<String> response) {
        return json(response).getString("error", "(status " + response.statusCode() + ": " + response.body() + ")");
    }

    private record Enrolled(String name, byte[] secret, long confirmedStep, List<String> recoveryCodes) {}
}
