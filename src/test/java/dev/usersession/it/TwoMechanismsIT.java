package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.usersession.internal.onetimecode.OneTimeCodeAlgorithm;
import dev.usersession.it.app.DemoAccounts;
import dev.usersession.it.mechanisms.ApiMechanism;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application with two mechanisms: Jakarta Security's Basic for {@code /api/} ({@code usersession.mechanism
 * .other-paths}) and the library's session cookie for everything else. The library's handler sends each request to
 * one of them: the API is stateless (no cookie is set or used there), pages use the session, and a protected page
 * without a session gets the other mechanism's challenge.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoMechanismsIT {

    /** Jakarta Security 4.0's handler exists on Payara 7; WildFly 39 has Jakarta Security 3.0. */
    private static final boolean HANDLER_API = "payara".equals(System.getProperty("arquillian.launch"));

    @Deployment(testable = false)
    static WebArchive application() {
        WebArchive application = Deployments.testApplication("mechanisms");
        return !HANDLER_API
                ? application
                : application
                        .addPackage(ApiMechanism.class.getPackage())
                        .addAsResource(
                                new StringAsset("usersession.mechanism.other-paths=/api/\n"),
                                "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Test
    void theApiTakesBasicAndNeverASessionWhilePagesTakeTheSession() {
        assumeTrue(
                HANDLER_API,
                "WildFly 39 has Jakarta Security 3.0, without HttpAuthenticationMechanismHandler: "
                        + "mechanisms cannot be combined there (docs/authentication.md, Several mechanisms)");
        assertEquals("true", new Browser(base).get("test/security-handler").body());
        Browser api = new Browser(base);
        String user = api.newUser("api");
        HttpResponse<String> withBasic = api.send(api.request("api/whoami")
                .header("Authorization", basic(user, DemoAccounts.PASSWORD))
                .GET());
        assertEquals(200, withBasic.statusCode(), withBasic.body());
        assertEquals(user, withBasic.body());
        assertTrue(
                withBasic.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(Browser.COOKIE)),
                "the API is stateless: " + withBasic.headers().allValues("Set-Cookie"));

        HttpResponse<String> wrong = api.send(api.request("api/whoami")
                .header("Authorization", basic(user, "not the password"))
                .GET());
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> none = api.get("api/whoami");
        assertEquals(401, none.statusCode());
        assertTrue(
                none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                none.headers().toString());

        Browser pages = new Browser(base);
        assertEquals(200, pages.login(user, DemoAccounts.PASSWORD).statusCode());
        assertEquals(user, pages.get("pages/whoami").body(), "pages take the session cookie");
        assertEquals(401, pages.get("api/whoami").statusCode(), "the API does not take the session cookie");
        // Nor under another spelling of its path that the server maps to it (the check used the raw request URI).
        for (String spelling : new String[] {"%61pi/whoami", "api;x=1/whoami", "./api/whoami", "pages/../api/whoami"}) {
            HttpResponse<String> other = pages.get(spelling);
            assertTrue(
                    other.statusCode() == 401 || other.statusCode() == 400 || other.statusCode() == 404,
                    spelling + " -> " + other.statusCode() + " " + other.body());
            assertTrue(!other.body().contains(user), spelling + " answered as the session's user: " + other.body());
        }

        HttpResponse<String> anonymousPage = new Browser(base).get("pages/whoami");
        assertEquals(401, anonymousPage.statusCode());
        assertTrue(
                anonymousPage
                        .headers()
                        .firstValue("WWW-Authenticate")
                        .orElse("")
                        .startsWith("Basic"),
                "a protected page without a session gets the other mechanism's challenge");
    }

    @Test
    void theOtherMechanismsLoginOnAPageOpensALibrarySessionButAPasswordAloneNeverServesAUserWithTwoFactors() {
        assumeTrue(HANDLER_API, "WildFly 39 has Jakarta Security 3.0, without HttpAuthenticationMechanismHandler");
        Browser plain = new Browser(base);
        String user = plain.newUser("page");
        HttpResponse<String> page = plain.send(plain.request("pages/whoami")
                .header("Authorization", basic(user, DemoAccounts.PASSWORD))
                .GET());
        assertEquals(200, page.statusCode());
        assertTrue(plain.cookie().isPresent(), "a login by the other mechanism on a page opens a library session");
        assertEquals(user, plain.get("pages/whoami").body(), "which later requests use without Basic");

        Browser crossSite = new Browser(base);
        crossSite.send(crossSite
                .request("pages/whoami")
                .header("Authorization", basic(user, DemoAccounts.PASSWORD))
                .header("Origin", "https://evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertTrue(crossSite.cookie().isEmpty(), "a cross-site request's other credential opens no library session");

        Browser owner = new Browser(base);
        String twoFactors = owner.newUser("twofactors");
        assertEquals(200, owner.login(twoFactors, DemoAccounts.PASSWORD).statusCode());
        JsonObject enrollment = Json.createReader(new StringReader(
                        owner.postJson("usersession/totp/enroll", "{}").body()))
                .readObject();
        byte[] secret = OneTimeCodeAlgorithm.fromBase32(enrollment.getString("secret"));
        OneTimeCodeAlgorithm totp = OneTimeCodeAlgorithm.standard();
        String code = totp.codeAt(
                secret, totp.stepAt(Instant.parse(owner.get("test/clock/now").body())));
        assertEquals(
                200,
                owner.postJson("usersession/totp/confirm", "{\"code\":\"" + code + "\"}")
                        .statusCode());

        Browser basicOnly = new Browser(base);
        for (String path : new String[] {"pages/whoami", "api/whoami"}) {
            HttpResponse<String> oneFactor = basicOnly.send(basicOnly
                    .request(path)
                    .header("Authorization", basic(twoFactors, DemoAccounts.PASSWORD))
                    .GET());
            assertEquals(
                    401,
                    oneFactor.statusCode(),
                    path + ": a password alone never authenticates a user with two "
                            + "factors, through any mechanism: " + oneFactor.body());
            assertTrue(!oneFactor.body().contains(twoFactors), oneFactor.body());
        }
        assertTrue(basicOnly.cookie().isEmpty(), "and opens no session");
        assertTrue(
                basicOnly.get("test/audit-events").body().contains("SECOND_FACTOR_BYPASS_REFUSED " + twoFactors),
                "the refusal is audited");
    }

    @Test
    void basicPasswordsAreThrottledAndAuditedLikeLogins() {
        assumeTrue(HANDLER_API, "WildFly 39 has Jakarta Security 3.0, without HttpAuthenticationMechanismHandler");
        Browser api = new Browser(base);
        String user = api.newUser("guessed");
        // Seven wrong: the fifth starts a wait of 1 s, a sixth or seventh that still gets checked doubles it, so the
        // right one comes while the name waits however slowly the server hashes.
        for (int i = 0; i < 7; i++) {
            assertEquals(
                    401,
                    api.send(api.request("api/whoami")
                                    .header("Authorization", basic(user, "wrong " + i))
                                    .GET())
                            .statusCode());
        }
        HttpResponse<String> right = api.send(api.request("api/whoami")
                .header("Authorization", basic(user, DemoAccounts.PASSWORD))
                .GET());
        assertEquals(401, right.statusCode(), "after 5 wrong passwords in a row the name waits, on the API too");
        String audit = api.get("test/audit-events").body();
        long failed = audit.lines()
                .filter(line -> line.equals("LOGIN_FAILED " + user + " "))
                .count();
        assertTrue(failed >= 5 && failed <= 7, failed + " failures audited: " + audit);
        assertTrue(audit.contains("LOGIN_THROTTLED " + user), audit);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
