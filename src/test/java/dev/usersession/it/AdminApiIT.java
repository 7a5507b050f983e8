package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.internal.onetimecode.OneTimeCodeAlgorithm;
import dev.usersession.it.app.DemoAccounts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /usersession/admin}: only the admin group, as the identity store answers now, gets in, with a proof of
 * identity from the last {@code usersession.admin.recent} and, for an administrator with one-time codes, a second
 * factor
 * in that window; pages walk every session once; the state view shows values only of fields marked
 * {@code @AdminVisible} and never a token; ending a session signs its browser out; bad parameters get 400 and
 * cross-site posts 403.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminApiIT {

    private static final OneTimeCodeAlgorithm TOTP = OneTimeCodeAlgorithm.standard();
    private static final String SESSIONS = "usersession/admin/sessions";

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("admin");
    }

    @ArquillianResource
    URL base;

    @Test
    void anAdministratorPagesFindsLooksAtAndEndsSessionsOthersCannot() {
        Browser setup = new Browser(base);
        String user = setup.newUser("paged");
        String root = setup.newUser("root", "usersession-admin");
        Browser[] browsers = new Browser[7];
        for (int i = 0; i < browsers.length; i++) {
            browsers[i] = new Browser(base);
            assertEquals(200, browsers[i].login(user, DemoAccounts.PASSWORD).statusCode());
        }
        assertEquals(200, browsers[0].postForm("test/counter/increment").statusCode());
        assertEquals(
                200,
                browsers[0].postForm("test/visits/record", "page", "pin-4321").statusCode());

        Browser anonymous = new Browser(base);
        assertEquals(401, anonymous.get("usersession/admin/sessions").statusCode());
        assertEquals(403, browsers[1].get("usersession/admin/sessions").statusCode(), "a customer is no admin");

        Browser admin = new Browser(base);
        assertEquals(200, admin.login(root, DemoAccounts.PASSWORD).statusCode());
        Set<String> seen = new HashSet<>();
        String after = "";
        int pages = 0;
        do {
            HttpResponse<String> page = admin.get("usersession/admin/sessions?limit=3&user=" + encode(user)
                    + (after.isEmpty() ? "" : "&after=" + encode(after)));
            assertEquals(200, page.statusCode(), page.body());
            JsonObject json = json(page.body());
            json.getJsonArray("sessions").forEach(session -> {
                assertTrue(seen.add(session.asJsonObject().getString("id")), "no session twice");
                assertEquals(user, session.asJsonObject().getString("user"));
            });
            after = json.isNull("next") ? "" : json.getString("next");
            pages++;
        } while (!after.isEmpty());
        assertEquals(7, seen.size());
        assertEquals(3, pages);

        String first = browserSessionId(admin, user, browsers[0]);
        HttpResponse<String> looked = admin.get("usersession/admin/sessions/" + first);
        assertEquals(200, looked.statusCode(), looked.body());
        JsonObject state = json(looked.body()).getJsonObject("state");
        assertEquals(
                "{\"shown\":{\"count\":1},\"hidden\":{}}",
                state.getJsonObject("dev.usersession.it.app.Counter").toString(),
                "a field marked @AdminVisible");
        assertEquals(
                "{\"shown\":{},\"hidden\":{\"pages\":12}}",
                state.getJsonObject("dev.usersession.it.app.Visits").toString(),
                "a field not marked: its size");
        assertFalse(looked.body().contains("pin-4321"), looked.body());
        assertFalse(looked.body().contains(browsers[0].cookie().orElseThrow()), "never the token");
        assertTrue(
                setup.get("test/audit-events").body().contains("ADMIN_VIEWED_STATE " + user + " " + root),
                "the look is audited with the administrator as the actor");

        assertEquals(
                403,
                admin.send(admin.request("usersession/admin/sessions/" + first + "/end")
                                .header("Origin", "https://evil.example")
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode(),
                "a cross-site post ends nothing");
        assertEquals(
                204,
                admin.postForm("usersession/admin/sessions/" + first + "/end").statusCode());
        assertEquals(401, browsers[0].postForm("test/counter/increment").statusCode(), "signed out");
        assertEquals(
                404,
                admin.postForm("usersession/admin/sessions/" + first + "/end").statusCode());
        HttpResponse<String> all = admin.postForm("usersession/admin/users/end-sessions", "user", user);
        assertEquals("{\"ended\":6}", all.body());
        assertEquals(401, browsers[6].postForm("test/counter/increment").statusCode());

        assertEquals(400, admin.get("usersession/admin/sessions?limit=0").statusCode());
        assertEquals(
                400, admin.get("usersession/admin/sessions?olderThan=yesterday").statusCode());
        assertEquals(
                400, admin.get("usersession/admin/sessions?after=%25%25%25").statusCode());
        assertEquals(400, admin.postForm("usersession/admin/users/end-sessions").statusCode());
        assertEquals(
                404, admin.get("usersession/admin/sessions/no-such-session").statusCode());
        assertEquals(404, admin.get("usersession/admin/nothing").statusCode());
        // A path without an id, or with more than one segment, ends nothing and is a 404 (was a 500 for the first).
        for (String path : new String[] {"sessions/end", "sessions//end", "sessions/a/b/end", "sessions/a/b"}) {
            HttpResponse<String> odd = path.endsWith("/end")
                    ? admin.postForm("usersession/admin/" + path)
                    : admin.get("usersession/admin/" + path);
            assertEquals(404, odd.statusCode(), path + ": " + odd.body());
        }
    }

    @Test
    void aRememberedOrOldAdministratorSessionMustProveItselfAgain() {
        Browser setup = new Browser(base);
        String root = setup.newUser("remembered", "usersession-admin");
        Browser admin = new Browser(base);
        HttpResponse<String> login = admin.postForm(
                "usersession/login", "username", root, "password", DemoAccounts.PASSWORD, "remember", "on");
        assertEquals(303, login.statusCode(), login.body());
        assertEquals(200, getJson(admin, SESSIONS).statusCode(), "a password proved now");

        admin.setCookie(null); // the browser was closed: "keep me signed in" opens a session that proves nothing
        HttpResponse<String> remembered = getJson(admin, SESSIONS);
        assertEquals(401, remembered.statusCode(), remembered.body());
        assertEquals("reauthentication_required", error(remembered));
        assertTrue(admin.cookie().isPresent(), "the remembered session itself was opened");
        assertEquals(
                200, reauthenticate(admin, "password", DemoAccounts.PASSWORD).statusCode());
        assertEquals(200, getJson(admin, SESSIONS).statusCode(), "a fresh password proof lets it in");

        advanceClock(setup, "PT15M1S");
        HttpResponse<String> old = getJson(admin, SESSIONS);
        assertEquals(401, old.statusCode(), old.body());
        assertEquals("reauthentication_required", error(old), "older than usersession.admin.recent");
        assertEquals(
                401,
                admin.postForm(SESSIONS + "/" + admin.currentSessionId() + "/end")
                        .statusCode(),
                "posts too");
        assertEquals(
                200, reauthenticate(admin, "password", DemoAccounts.PASSWORD).statusCode());
        assertEquals(200, getJson(admin, SESSIONS).statusCode());
    }

    @Test
    void aGroupRemovedFromTheAccountRefusesTheNextAdministrationCall() {
        Browser setup = new Browser(base);
        String root = setup.newUser("demoted", "usersession-admin");
        Browser admin = new Browser(base);
        assertEquals(200, admin.login(root, DemoAccounts.PASSWORD).statusCode());
        assertEquals(200, getJson(admin, SESSIONS).statusCode());

        // changed in the table behind the library's back: the session still carries the group it copied at login
        assertEquals(
                "true",
                setup.postForm("test/accounts/groups-in-table", "name", root, "groups", "customer")
                        .body());
        HttpResponse<String> demoted = getJson(admin, SESSIONS);
        assertEquals(403, demoted.statusCode(), demoted.body());
        assertTrue(admin.get("test/whoami").body().startsWith(root + " "), "the session itself lives on");
        assertEquals(
                "true",
                setup.postForm("test/accounts/groups-in-table", "name", root, "groups", "usersession-admin")
                        .body());
        assertEquals(200, getJson(admin, SESSIONS).statusCode(), "given back, the next call is let in");

        // through the library's API: the user's sessions end with the change
        assertEquals(
                "true",
                setup.postForm("test/accounts/groups", "name", root, "groups", "customer")
                        .body());
        assertEquals(401, getJson(admin, SESSIONS).statusCode());
        Browser again = new Browser(base);
        assertEquals(200, again.login(root, DemoAccounts.PASSWORD).statusCode());
        assertEquals(403, getJson(again, SESSIONS).statusCode(), "a new login has no admin group either");
    }

    @Test
    void anAdministratorWithOneTimeCodesNeedsASecondFactorWithinTheWindow() {
        Browser setup = new Browser(base);
        String root = setup.newUser("twofactor", "usersession-admin");
        Browser enroller = new Browser(base);
        assertEquals(200, enroller.login(root, DemoAccounts.PASSWORD).statusCode());
        assertEquals(200, getJson(enroller, SESSIONS).statusCode(), "no second factor yet: a password suffices");
        HttpResponse<String> enroll = enroller.postJson("usersession/totp/enroll", "{}");
        assertEquals(200, enroll.statusCode(), enroll.body());
        byte[] secret = OneTimeCodeAlgorithm.fromBase32(json(enroll.body()).getString("secret"));
        long step = TOTP.stepAt(Instant.parse(setup.get("test/clock/now").body()));
        assertEquals(
                200,
                enroller.postJson("usersession/totp/confirm", "{\"code\":\"" + TOTP.codeAt(secret, step) + "\"}")
                        .statusCode());
        assertEquals(
                "second_factor_required",
                error(getJson(enroller, SESSIONS)),
                "the enrolling session proved a password only");

        Browser admin = new Browser(base);
        assertEquals(401, admin.login(root, DemoAccounts.PASSWORD).statusCode());
        HttpResponse<String> code = admin.postJson(
                "usersession/login/second-factor", "{\"code\":\"" + TOTP.codeAt(secret, step + 1) + "\"}");
        assertEquals(200, code.statusCode(), code.body());
        assertEquals(200, getJson(admin, SESSIONS).statusCode(), "AAL2, both factors now");

        advanceClock(setup, "PT15M1S");
        assertEquals("reauthentication_required", error(getJson(admin, SESSIONS)));
        assertEquals(
                200, reauthenticate(admin, "password", DemoAccounts.PASSWORD).statusCode());
        assertEquals(
                "second_factor_required",
                error(getJson(admin, SESSIONS)),
                "a password does not renew the second factor");
        long later = TOTP.stepAt(Instant.parse(setup.get("test/clock/now").body()));
        assertEquals(
                200, reauthenticate(admin, "code", TOTP.codeAt(secret, later)).statusCode());
        assertEquals(200, getJson(admin, SESSIONS).statusCode(), "a code proved now");
    }

    private static HttpResponse<String> reauthenticate(Browser browser, String field, String value) {
        return browser.postJson(
                "usersession/reauthenticate",
                Json.createObjectBuilder().add(field, value).build().toString());
    }

    private static void advanceClock(Browser browser, String by) {
        assertEquals(204, browser.postForm("test/clock/advance", "by", by).statusCode());
    }

    private static HttpResponse<String> getJson(Browser browser, String path) {
        return browser.send(
                browser.request(path).header("Accept", "application/json").GET());
    }

    private static String error(HttpResponse<String> response) {
        try {
            return json(response.body()).getString("error");
        } catch (RuntimeException e) {
            return "(status " + response.statusCode() + ": " + response.body() + ")";
        }
    }

    /** @return the id of the session the browser holds, found through the browser's own session list */
    private static String browserSessionId(Browser admin, String user, Browser browser) {
        JsonValue mine =
                Json.createReader(new StringReader(
                                browser.get("usersession/sessions").body()))
                        .readArray()
                        .stream()
                        .filter(session -> session.asJsonObject().getBoolean("current"))
                        .findFirst()
                        .orElseThrow();
        return mine.asJsonObject().getString("id");
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
