package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.app.DemoAccounts;
import dev.usersession.testing.DeviceKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The requests a browser with Device Bound Session Credentials sends, as Chromium 156 sends them, for the tests. */
public final class DeviceBindingRequests {

    private static final Pattern OFFER =
            Pattern.compile("\\(ES256 RS256\\);path=\"([^\"]+)\";challenge=\"([^\"]+)\";authorization=\"([^\"]+)\"");
    private static final Pattern CHALLENGE = Pattern.compile("\"([^\"]+)\";id=\"([^\"]+)\"");
    public static final String REGISTER = "usersession/device-binding/register";
    public static final String REFRESH = "usersession/device-binding/refresh";

    /** What a login's {@code Secure-Session-Registration} offers. */
    public record Offer(String path, String challenge, String authorization) {}

    private DeviceBindingRequests() {}

    public static String bind(Browser browser, String user, DeviceKey key) {
        Offer offer = offerOf(browser.login(user, DemoAccounts.PASSWORD));
        HttpResponse<String> registered = register(browser, key.registration(offer.challenge(), offer.authorization()));
        assertEquals(200, registered.statusCode(), registered.body());
        return json(registered).getString("session_identifier");
    }

    public static HttpResponse<String> renew(Browser browser, String bindingId, DeviceKey key) {
        String challenge = challengeOf(refresh(browser, bindingId, null)).group(1);
        return refresh(browser, bindingId, key.refresh(challenge));
    }

    public static HttpResponse<String> register(Browser browser, String proof) {
        return browser.send(browser.request(REGISTER)
                .header("Secure-Session-Response", proof)
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public static HttpResponse<String> refresh(Browser browser, String bindingId, String proof) {
        HttpRequest.Builder request = browser.request(REFRESH).POST(HttpRequest.BodyPublishers.noBody());
        if (bindingId != null) {
            request.header("Sec-Secure-Session-Id", bindingId);
        }
        if (proof != null) {
            request.header("Secure-Session-Response", proof);
        }
        return browser.send(request);
    }

    public static Offer offerOf(HttpResponse<String> login) {
        String header = login.headers()
                .firstValue("Secure-Session-Registration")
                .orElseThrow(
                        () -> new AssertionError("no offer: " + login.headers().map()));
        Matcher matcher = OFFER.matcher(header);
        assertTrue(matcher.matches(), header);
        return new Offer(matcher.group(1), matcher.group(2), matcher.group(3));
    }

    public static Matcher challengeOf(HttpResponse<String> answer) {
        assertEquals(403, answer.statusCode(), answer.body());
        String header = answer.headers().firstValue("Secure-Session-Challenge").orElseThrow();
        Matcher matcher = CHALLENGE.matcher(header);
        assertTrue(matcher.matches(), header);
        return matcher;
    }

    public static String setCookie(HttpResponse<String> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie"));
    }

    public static JsonObject json(HttpResponse<String> answer) {
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    public static String unsigned(String header, String payload) {
        return DeviceKey.base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + DeviceKey.base64(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
