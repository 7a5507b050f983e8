package dev.usersession.it;

import static dev.usersession.it.DeviceBindingRequests.REFRESH;
import static dev.usersession.it.DeviceBindingRequests.REGISTER;
import static dev.usersession.it.DeviceBindingRequests.bind;
import static dev.usersession.it.DeviceBindingRequests.challengeOf;
import static dev.usersession.it.DeviceBindingRequests.json;
import static dev.usersession.it.DeviceBindingRequests.offerOf;
import static dev.usersession.it.DeviceBindingRequests.refresh;
import static dev.usersession.it.DeviceBindingRequests.register;
import static dev.usersession.it.DeviceBindingRequests.renew;
import static dev.usersession.it.DeviceBindingRequests.setCookie;
import static dev.usersession.it.DeviceBindingRequests.unsigned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.DeviceBindingRequests.Offer;
import dev.usersession.it.app.DemoAccounts;
import dev.usersession.testing.DeviceKey;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Device Bound Session Credentials on the wire, with a client that plays Chromium's part (its own EC P-256 and RSA
 * keys, the headers and JWTs Chromium 156 sends): a login offers binding, the key registers with a proof over the
 * challenge, a bound session needs its short-lived bound cookie, the key renews it through the 403 challenge, and every
 * proof that is not right is refused without binding anything.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeviceBindingIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("devicebinding");
    }

    @ArquillianResource
    URL base;

    @Test
    void aLoginOffersBindingAndTheBrowsersKeyBindsTheSession() {
        Browser browser = new Browser(base);
        String user = browser.newUser("bind");
        HttpResponse<String> login = browser.login(user, DemoAccounts.PASSWORD);
        Offer offer = offerOf(login);
        assertTrue(offer.path().endsWith("/" + REGISTER), offer.path());
        assertTrue(base.getPath().length() > 1 && offer.path().startsWith(base.getPath()), "within the application");

        DeviceKey key = DeviceKey.ec();
        HttpResponse<String> registered = register(browser, key.registration(offer.challenge(), offer.authorization()));
        assertEquals(200, registered.statusCode(), registered.body());
        JsonObject instructions = json(registered);
        String bindingId = instructions.getString("session_identifier");
        assertFalse(bindingId.isEmpty());
        assertTrue(instructions.getString("refresh_url").endsWith("/" + REFRESH));
        assertEquals(browser.origin(), instructions.getJsonObject("scope").getString("origin"));
        assertFalse(instructions.getJsonObject("scope").getBoolean("include_site"));
        JsonObject credential = instructions.getJsonArray("credentials").getJsonObject(0);
        assertEquals("cookie", credential.getString("type"));
        assertEquals(Browser.BOUND_COOKIE, credential.getString("name"));
        assertEquals("Path=/; Secure; HttpOnly; SameSite=Lax", credential.getString("attributes"));
        String setCookie = setCookie(registered, Browser.BOUND_COOKIE);
        assertTrue(setCookie.endsWith("; Path=/; Max-Age=300; Secure; HttpOnly; SameSite=Lax"), setCookie);
        assertTrue(browser.boundCookie().isPresent());

        assertEquals(user + " true false", browser.get("test/whoami").body());
        assertTrue(browser.get("usersession/sessions").body().contains("\"deviceBound\":true"));

        String bound = browser.boundCookie().orElseThrow();
        browser.setBoundCookie(null);
        assertEquals(
                user + " true false",
                browser.get("test/whoami").body(),
                "a request sent while the registration was in flight passes (Chromium does not hold it back)");
        advanceClock(browser, "PT10S");
        assertEquals("anonymous", browser.get("test/whoami").body(), "then the session cookie alone is not enough");
        browser.setBoundCookie(bound);
        assertEquals(
                user + " true false", browser.get("test/whoami").body(), "and the session goes on for its browser");
    }

    @Test
    void aCopiedCookieStopsWorkingWhenTheBoundCookieExpiresAndTheKeyRenewsIt() {
        Browser browser = new Browser(base);
        String user = browser.newUser("renew");
        DeviceKey key = DeviceKey.ec();
        String bindingId = bind(browser, user, key);
        Browser thief = new Browser(base);
        thief.setCookie(browser.cookie().orElseThrow());
        thief.setBoundCookie(browser.boundCookie().orElseThrow());
        assertEquals(
                user + " true false", thief.get("test/whoami").body(), "a copy works while its bound cookie lives");

        advanceClock(browser, "PT5M1S");
        assertEquals("anonymous", thief.get("test/whoami").body(), "the copy is refused once the bound cookie expired");
        assertEquals("anonymous", browser.get("test/whoami").body(), "so is the browser, until it renews it");

        HttpResponse<String> asked = refresh(browser, bindingId, null);
        assertEquals(403, asked.statusCode(), asked.body());
        Matcher challenge = challengeOf(asked);
        assertEquals(bindingId, challenge.group(2));
        HttpResponse<String> renewed =
                refresh(browser, "\"" + bindingId + "\"", "\"" + key.refresh(challenge.group(1)) + "\"");
        assertEquals(200, renewed.statusCode(), renewed.body());
        assertEquals(bindingId, json(renewed).getString("session_identifier"));
        assertEquals(user + " true false", browser.get("test/whoami").body(), "the renewed cookie works");
        assertEquals("anonymous", thief.get("test/whoami").body(), "the thief has no key to renew it");

        String before = browser.boundCookie().orElseThrow();
        assertEquals(200, renew(browser, bindingId, key).statusCode(), "an early renewal");
        assertNotEquals(before, browser.boundCookie().orElseThrow());
        Browser late = new Browser(base);
        late.setCookie(browser.cookie().orElseThrow());
        late.setBoundCookie(before);
        assertEquals(
                user + " true false", late.get("test/whoami").body(), "requests sent before the renewal still pass");
        advanceClock(browser, "PT61S");
        assertEquals("anonymous", late.get("test/whoami").body(), "but not after a minute");
        assertEquals(user + " true false", browser.get("test/whoami").body());
    }

    @Test
    void anRsaKeyBindsAndRenewsToo() {
        Browser browser = new Browser(base);
        String user = browser.newUser("rsa");
        DeviceKey key = DeviceKey.rsa();
        String bindingId = bind(browser, user, key);
        assertEquals(200, renew(browser, bindingId, key).statusCode());
        assertEquals(user + " true false", browser.get("test/whoami").body());
    }

    @Test
    void registrationProofsThatAreNotRightBindNothing() {
        Browser browser = new Browser(base);
        String user = browser.newUser("refuse");
        Offer offer = offerOf(browser.login(user, DemoAccounts.PASSWORD));
        DeviceKey key = DeviceKey.ec();
        DeviceKey other = DeviceKey.ec();
        String claims = "{\"authorization\":\"" + offer.authorization() + "\",\"jti\":\"" + offer.challenge() + "\"}";
        String withKey = ",\"jwk\":" + key.jwk();
        List<String> refused = List.of(
                unsigned("{\"alg\":\"none\"" + withKey + ",\"typ\":\"dbsc+jwt\"}", claims),
                key.signed("{\"alg\":\"HS256\"" + withKey + ",\"typ\":\"dbsc+jwt\"}", claims),
                key.signed("{\"alg\":\"ES256\"" + withKey + "}", claims),
                key.signed("{\"alg\":\"ES256\"" + withKey + ",\"typ\":\"jwt\"}", claims),
                key.signed("{\"alg\":\"ES256\"" + withKey + ",\"typ\":\"dbsc+jwt\",\"crit\":[\"x\"]}", claims),
                key.signed("{\"alg\":\"ES256\",\"typ\":\"dbsc+jwt\"}", claims),
                other.signed("{\"alg\":\"ES256\"" + withKey + ",\"typ\":\"dbsc+jwt\"}", claims),
                key.registration("a-challenge-never-issued-aaaaaaaaaaaaaaaaaaaaa", offer.authorization()),
                key.registration(offer.challenge(), "another-authorization"),
                "not a jwt",
                "a.b.c");
        for (String proof : refused) {
            HttpResponse<String> answer = register(browser, proof);
            assertEquals(400, answer.statusCode(), proof);
        }
        assertTrue(browser.boundCookie().isEmpty());
        assertEquals(user + " true false", browser.get("test/whoami").body(), "still an unbound session");

        String proof = key.registration(offer.challenge(), offer.authorization());
        assertEquals(200, register(browser, proof).statusCode(), "the offered challenge was not used up");
        assertEquals(400, register(browser, proof).statusCode(), "and it is used once");
    }

    @Test
    void aChallengeOfferedToAnotherSessionOrExpiredBindsNothing() {
        Browser mine = new Browser(base);
        Offer myOffer = offerOf(mine.login(mine.newUser("mine"), DemoAccounts.PASSWORD));
        Browser theirs = new Browser(base);
        Offer theirOffer = offerOf(theirs.login(theirs.newUser("theirs"), DemoAccounts.PASSWORD));
        DeviceKey key = DeviceKey.ec();
        assertEquals(
                400,
                register(mine, key.registration(theirOffer.challenge(), theirOffer.authorization()))
                        .statusCode());
        Browser anonymous = new Browser(base);
        assertEquals(
                400,
                register(anonymous, key.registration(myOffer.challenge(), myOffer.authorization()))
                        .statusCode());

        advanceClock(mine, "PT5M1S");
        assertEquals(
                400,
                register(mine, key.registration(myOffer.challenge(), myOffer.authorization()))
                        .statusCode(),
                "an expired challenge");
    }

    @Test
    void refreshProofsThatAreNotRightRenewNothing() {
        Browser browser = new Browser(base);
        String user = browser.newUser("refresh");
        DeviceKey key = DeviceKey.ec();
        String bindingId = bind(browser, user, key);
        String bound = browser.boundCookie().orElseThrow();

        String challenge = challengeOf(refresh(browser, bindingId, null)).group(1);
        assertEquals(
                400,
                refresh(browser, bindingId, key.registration(challenge, "x")).statusCode(),
                "a key on refresh");
        assertEquals(
                400,
                refresh(browser, bindingId, DeviceKey.ec().refresh(challenge)).statusCode(),
                "another key");
        assertEquals(
                400,
                refresh(browser, bindingId, DeviceKey.rsa().refresh(challenge)).statusCode(),
                "an RSA key");
        assertEquals(400, refresh(browser, null, key.refresh(challenge)).statusCode(), "no session identifier");
        assertEquals(bound, browser.boundCookie().orElseThrow(), "nothing renewed");

        HttpResponse<String> stale =
                refresh(browser, bindingId, key.refresh("a-challenge-never-issued-aaaaaaaaaaaaaaaaaaaaa"));
        assertEquals(403, stale.statusCode(), "a challenge not issued asks for a new one");
        String fresh = challengeOf(stale).group(1);
        assertEquals(200, refresh(browser, bindingId, key.refresh(fresh)).statusCode());
        assertEquals(403, refresh(browser, bindingId, key.refresh(fresh)).statusCode(), "a challenge is used once");

        HttpResponse<String> unknown = refresh(browser, "no-such-binding", null);
        assertEquals(200, unknown.statusCode());
        assertFalse(json(unknown).getBoolean("continue"), "a binding of no session ends");
    }

    @Test
    void aLogoutEndsTheBrowsersBinding() {
        Browser browser = new Browser(base);
        String user = browser.newUser("logout");
        DeviceKey key = DeviceKey.ec();
        String bindingId = bind(browser, user, key);
        assertEquals(204, browser.postJson("usersession/logout", "{}").statusCode());
        HttpResponse<String> after = refresh(browser, bindingId, null);
        assertEquals(200, after.statusCode());
        assertFalse(json(after).getBoolean("continue"));
    }

    @Test
    void aReauthenticationKeepsTheBinding() {
        Browser browser = new Browser(base);
        String user = browser.newUser("reauth");
        DeviceKey key = DeviceKey.ec();
        String bindingId = bind(browser, user, key);
        HttpResponse<String> proved =
                browser.postJson("usersession/reauthenticate", "{\"password\":\"" + DemoAccounts.PASSWORD + "\"}");
        assertTrue(proved.statusCode() < 300, proved.statusCode() + " " + proved.body());
        assertEquals(user + " true false", browser.get("test/whoami").body(), "the renewed session, still bound");
        advanceClock(browser, "PT10S");
        browser.setBoundCookie(null);
        assertEquals("anonymous", browser.get("test/whoami").body());
        assertEquals(200, renew(browser, bindingId, key).statusCode(), "the binding followed the new token");
        assertEquals(user + " true false", browser.get("test/whoami").body());
    }

    @Test
    void theKeepMeSignedInCookieOfABoundBrowserOpensNoSessionAlone() {
        Browser browser = new Browser(base);
        String user = browser.newUser("keep");
        HttpResponse<String> login = browser.postForm(
                "usersession/login", "username", user, "password", DemoAccounts.PASSWORD, "remember", "on");
        assertEquals(303, login.statusCode(), login.body());
        Offer offer = offerOf(login);
        DeviceKey key = DeviceKey.ec();
        assertEquals(
                200,
                register(browser, key.registration(offer.challenge(), offer.authorization()))
                        .statusCode());

        Browser thief = new Browser(base);
        String remember = browser.rememberCookie().orElseThrow();
        thief.setRememberCookie(remember);
        assertEquals("anonymous", thief.get("test/whoami").body(), "a copied remember-me cookie opens nothing");
        assertEquals(remember, thief.rememberCookie().orElseThrow(), "and is not rotated");
        assertTrue(thief.cookie().isEmpty());
    }

    @Test
    void aRememberedBrowserWhoseSessionTimedOutIsSignedInAgainOnlyByItsKey() {
        Browser browser = new Browser(base);
        String user = browser.newUser("restore");
        HttpResponse<String> login = browser.postForm(
                "usersession/login", "username", user, "password", DemoAccounts.PASSWORD, "remember", "on");
        Offer offer = offerOf(login);
        DeviceKey key = DeviceKey.ec();
        HttpResponse<String> registered = register(browser, key.registration(offer.challenge(), offer.authorization()));
        String bindingId = json(registered).getString("session_identifier");
        String remember = browser.rememberCookie().orElseThrow();
        String timedOut = browser.cookie().orElseThrow();

        advanceClock(browser, "PT31M");
        assertEquals(
                "anonymous",
                browser.get("test/whoami").body(),
                "timed out; the remember-me cookie alone opens nothing");

        Browser thief = new Browser(base);
        thief.setRememberCookie(remember);
        String thiefChallenge = challengeOf(refresh(thief, bindingId, null)).group(1);
        assertEquals(
                400,
                refresh(thief, bindingId, DeviceKey.ec().refresh(thiefChallenge))
                        .statusCode(),
                "no key");
        assertTrue(thief.cookie().isEmpty());

        HttpResponse<String> restored = renew(browser, bindingId, key);
        assertEquals(200, restored.statusCode(), restored.body());
        assertEquals(bindingId, json(restored).getString("session_identifier"), "the browser's binding goes on");
        assertNotEquals(timedOut, browser.cookie().orElseThrow(), "a new session");
        assertNotEquals(remember, browser.rememberCookie().orElseThrow(), "the remember-me token rotated");
        assertEquals(user + " true false", browser.get("test/whoami").body());
        assertTrue(
                browser.get("usersession/sessions").body().contains("\"deviceBound\":true"), "bound to the same key");
        HttpResponse<String> sensitive = browser.send(browser.request("test/reports/sensitive")
                .header("Accept", "application/json")
                .GET());
        assertEquals(401, sensitive.statusCode(), "a remembered login proves nothing recent");
    }

    @Test
    void aThiefWhoBindsAStolenUnboundSeriesIsStillCaughtWhenTheOwnerComesBack() {
        Browser owner = new Browser(base);
        String user = owner.newUser("caught");
        HttpResponse<String> login = owner.postForm(
                "usersession/login", "username", user, "password", DemoAccounts.PASSWORD, "remember", "on");
        assertEquals(303, login.statusCode(), login.body());
        String stolen = owner.rememberCookie().orElseThrow(); // a browser without DBSC: its series is not bound
        owner.get("test/whoami"); // the owner's browser has come back with its token

        Browser thief = new Browser(base);
        thief.setRememberCookie(stolen);
        HttpResponse<String> opened = thief.get("test/whoami");
        assertEquals(user + " true false", opened.body(), "a copied unbound series opens a session, as before");
        Offer offer = offerOf(opened);
        assertEquals(
                200,
                register(thief, DeviceKey.ec().registration(offer.challenge(), offer.authorization()))
                        .statusCode(),
                "the thief binds the series to a key of their own");
        thief.get("test/whoami"); // the thief's browser comes back with the rotated token

        owner.setCookie(null); // the owner's session is gone; its browser presents its (now old) token
        advanceClock(owner, "PT1M");
        HttpResponse<String> back = owner.send(owner.request("test/whoami").header("Accept", "application/json"));
        assertEquals(401, back.statusCode(), back.body());
        assertTrue(back.body().contains("remember_me_stolen"), back.body());
        assertEquals("anonymous", thief.get("test/whoami").body(), "the theft ended the thief's session too");
    }

    @Test
    void anOldBindingOfABrowserThatSignedInAgainOpensNoSecondSession() {
        Browser browser = new Browser(base);
        String user = browser.newUser("again");
        HttpResponse<String> login = browser.postForm(
                "usersession/login", "username", user, "password", DemoAccounts.PASSWORD, "remember", "on");
        Offer offer = offerOf(login);
        DeviceKey key = DeviceKey.ec();
        String old = json(register(browser, key.registration(offer.challenge(), offer.authorization())))
                .getString("session_identifier");

        assertEquals(200, browser.login(user, DemoAccounts.PASSWORD).statusCode(), "a new login in the same browser");
        String session = browser.cookie().orElseThrow();
        HttpResponse<String> refreshed = refresh(browser, old, null);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertFalse(json(refreshed).getBoolean("continue"), "the old binding ends");
        assertEquals(session, browser.cookie().orElseThrow(), "and the new login's session stays");
    }

    private static void advanceClock(Browser browser, String by) {
        assertEquals(204, browser.postForm("test/clock/advance", "by", by).statusCode());
    }
}
