package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@code /usersession/admin}: only the admin group gets in; pages walk every session once; the state view redacts
 * nothing it does not need to and never shows a token; ending a session signs its browser out; bad parameters get 400
 * and cross-site posts 403.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminApiIT {

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
        assertEquals(JsonValue.ValueType.OBJECT, state.values().iterator().next().getValueType(), looked.body());
        assertFalse(looked.body().contains(browsers[0].cookie().orElseThrow()), "never the token");
        assertTrue(setup.get("test/audit-events").body().contains("ADMIN_VIEWED_STATE " + user + " " + root),
                "the look is audited with the administrator as the actor");

        assertEquals(403, admin.send(admin.request("usersession/admin/sessions/" + first + "/end")
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody())).statusCode(),
                "a cross-site post ends nothing");
        assertEquals(204, admin.postForm("usersession/admin/sessions/" + first + "/end").statusCode());
        assertEquals(401, browsers[0].postForm("test/counter/increment").statusCode(), "signed out");
        assertEquals(404, admin.postForm("usersession/admin/sessions/" + first + "/end").statusCode());
        HttpResponse<String> all = admin.postForm("usersession/admin/users/end-sessions", "user", user);
        assertEquals("{\"ended\":6}", all.body());
        assertEquals(401, browsers[6].postForm("test/counter/increment").statusCode());

        assertEquals(400, admin.get("usersession/admin/sessions?limit=0").statusCode());
        assertEquals(400, admin.get("usersession/admin/sessions?olderThan=yesterday").statusCode());
        assertEquals(400, admin.get("usersession/admin/sessions?after=%25%25%25").statusCode());
        assertEquals(400, admin.postForm("usersession/admin/users/end-sessions").statusCode());
        assertEquals(404, admin.get("usersession/admin/sessions/no-such-session").statusCode());
        assertEquals(404, admin.get("usersession/admin/nothing").statusCode());
        // A path without an id, or with more than one segment, ends nothing and is a 404 (was a 500 for the first).
        for (String path : new String[] {"sessions/end", "sessions//end", "sessions/a/b/end", "sessions/a/b"}) {
            HttpResponse<String> odd = path.endsWith("/end") ? admin.postForm("usersession/admin/" + path)
                    : admin.get("usersession/admin/" + path);
            assertEquals(404, odd.statusCode(), path + ": " + odd.body());
        }
    }

    /** @return the id of the session the browser holds, found through the browser's own session list */
    private static String browserSessionId(Browser admin, String user, Browser browser) {
        JsonValue mine = Json.createReader(new StringReader(browser.get("usersession/sessions").body())).readArray()
                .stream().filter(session -> session.asJsonObject().getBoolean("current")).findFirst().orElseThrow();
        return mine.asJsonObject().getString("id");
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
