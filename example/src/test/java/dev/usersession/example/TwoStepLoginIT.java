package dev.usersession.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two-step sign-in over HTTP, as a client without a browser sees it: a user turns on one-time codes (an
 * authenticator app, computed here by {@link OneTimeCodes}); then a password alone no longer signs in, a code
 * completes the login once, and a recovery code works once. The client sends its own origin on state-changing
 * requests, as a browser does.
 */
class TwoStepLoginIT {

    private static final String PASSWORD = "a good long password";
    private static final ShopServer SERVER = new ShopServer();
    private static final Pattern STRING_FIELD = Pattern.compile("\"(\\w+)\":\"([^\"]*)\"");

    private final String user = "twostep-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() throws Exception {
        SERVER.start();
    }

    @AfterAll
    static void stop() throws Exception {
        SERVER.stop();
    }

    @Test
    void oneTimeCodesGuardTheLoginAndEachCodeWorksOnce() throws Exception {
        HttpClient phone = client();
        assertEquals(201, post(phone, "api/account/signup", credentials()).statusCode());
        assertEquals(200, post(phone, "usersession/login", credentials()).statusCode());
        String secret = field(post(phone, "usersession/totp/enroll", "{}"), "secret");
        long step = OneTimeCodes.stepAt(Instant.now().getEpochSecond());
        HttpResponse<String> confirmed = post(phone, "usersession/totp/confirm", code(secret, step));
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        List<String> recoveryCodes = recoveryCodes(confirmed.body());
        assertEquals(10, recoveryCodes.size(), confirmed.body());
        assertTrue(get(phone, "usersession/totp").body().contains("\"enabled\":true"));

        HttpClient laptop = client();
        HttpResponse<String> passwordOnly = post(laptop, "usersession/login", credentials());
        assertEquals(401, passwordOnly.statusCode());
        assertEquals("second_factor_required", field(passwordOnly, "error"));
        assertEquals(401, get(laptop, "api/account/me").statusCode(), "a pending step is no session");
        // The next step's code: the server accepts a step either side, and only steps after the confirmed one.
        String nextCode = code(secret, step + 1);
        HttpResponse<String> withCode = post(laptop, "usersession/login/second-factor", nextCode);
        assertEquals(200, withCode.statusCode(), withCode.body());
        assertEquals("AAL2", field(withCode, "level"));
        assertTrue(get(laptop, "api/account/me").body().contains("\"level\":\"AAL2\""));

        HttpClient thief = client();
        assertEquals(401, post(thief, "usersession/login", credentials()).statusCode());
        HttpResponse<String> replayed = post(thief, "usersession/login/second-factor", nextCode);
        assertEquals(401, replayed.statusCode(), replayed.body());
        assertEquals("invalid_code", field(replayed, "error"));

        String recovery = "{\"code\":\"" + recoveryCodes.get(0) + "\"}";
        assertEquals(200, post(thief, "usersession/login/second-factor", recovery).statusCode());
        HttpClient again = client();
        assertEquals(401, post(again, "usersession/login", credentials()).statusCode());
        HttpResponse<String> recoveryAgain = post(again, "usersession/login/second-factor", recovery);
        assertEquals("invalid_code", field(recoveryAgain, "error"), recoveryAgain.body());
        assertTrue(get(thief, "usersession/totp").body().contains("\"recoveryCodesLeft\":9"));
    }

    @Test
    void aRecentLoginChecksOutAndAWrongPasswordDoesNotReauthenticate() throws Exception {
        HttpClient client = client();
        assertEquals(201, post(client, "api/account/signup", credentials()).statusCode());
        assertEquals(200, post(client, "usersession/login", credentials()).statusCode());
        assertEquals(200, post(client, "api/cart/items/mug", "{}").statusCode());
        HttpResponse<String> order = post(client, "api/cart/checkout", "{}");
        assertEquals(200, order.statusCode(), order.body());

        HttpResponse<String> wrong = post(client, "usersession/reauthenticate", "{\"password\":\"not the password\"}");
        assertEquals(401, wrong.statusCode());
        assertEquals("invalid", field(wrong, "error"));
        HttpResponse<String> right = post(client, "usersession/reauthenticate", credentials());
        assertEquals(200, right.statusCode(), right.body());
        assertEquals("AAL1", field(right, "level"));
    }

    private String credentials() {
        return "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    private static String code(String secret, long step) throws Exception {
        return "{\"code\":\"" + OneTimeCodes.code(secret, step) + "\"}";
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieJar()).build();
    }

    private static HttpResponse<String> post(HttpClient client, String path, String json) throws Exception {
        URI shop = URI.create(SERVER.url());
        return client.send(HttpRequest.newBuilder(shop.resolve(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Origin", shop.getScheme() + "://" + shop.getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(SERVER.url()).resolve(path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @return a string member of a JSON answer (the shop's answers are flat enough for a pattern) */
    private static String field(HttpResponse<String> response, String name) {
        Matcher matcher = STRING_FIELD.matcher(response.body());
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new AssertionError("No \"" + name + "\" in " + response.statusCode() + " " + response.body());
    }

    private static List<String> recoveryCodes(String json) {
        Matcher list = Pattern.compile("\"recoveryCodes\":\\[([^\\]]*)]").matcher(json);
        if (!list.find()) {
            return List.of();
        }
        return Pattern.compile("\"([^\"]+)\"").matcher(list.group(1)).results().map(match -> match.group(1)).toList();
    }
}
