package dev.usersession.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client that keeps the session cookie and the device cookie as a browser would (each replaced by a
 * {@code Set-Cookie} of its name, dropped by {@code Max-Age=0}), keeps the container's {@code JSESSIONID} too once it
 * was given one, and sends
 * the application's own {@code Origin} with every POST.
 */
public final class Browser {

    public static final String COOKIE = "__Host-usersession";
    /** The device cookie a browser gets after a successful login. */
    public static final String DEVICE_COOKIE = COOKIE + "-device";

    private static final Pattern SET_COOKIE = Pattern.compile("^" + Pattern.quote(COOKIE) + "=([^;]*)(.*)$");
    private static final Pattern SET_DEVICE_COOKIE =
            Pattern.compile("^" + Pattern.quote(DEVICE_COOKIE) + "=([^;]*)(.*)$");
    /** The cookie of a login step that waits (a second factor, a passkey challenge). */
    public static final String PENDING_COOKIE = COOKIE + "-pending";

    private static final Pattern SET_PENDING_COOKIE =
            Pattern.compile("^" + Pattern.quote(PENDING_COOKIE) + "=([^;]*)(.*)$");
    /** The "keep me signed in" cookie. */
    public static final String REMEMBER_COOKIE = COOKIE + "-remember";

    private static final Pattern SET_REMEMBER_COOKIE =
            Pattern.compile("^" + Pattern.quote(REMEMBER_COOKIE) + "=([^;]*)(.*)$");
    /** The short-lived cookie of a session bound to its browser's key (device-bound sessions). */
    public static final String BOUND_COOKIE = COOKIE + "-bound";

    private static final Pattern SET_BOUND_COOKIE =
            Pattern.compile("^" + Pattern.quote(BOUND_COOKIE) + "=([^;]*)(.*)$");
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;
    private String cookie;
    private String deviceCookie;
    private String containerSession;
    private String pendingCookie;
    private String rememberCookie;
    private String boundCookie;

    public Browser(URL base) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    }

    /** @return the application's origin, as a browser would send it */
    public String origin() {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    public Optional<String> cookie() {
        return Optional.ofNullable(cookie);
    }

    public void setCookie(String value) {
        cookie = value;
    }

    /** Forgets the container's {@code JSESSIONID}, as a browser whose container session ended would. */
    public void dropContainerSession() {
        containerSession = null;
    }

    /** @return the "keep me signed in" cookie this browser holds */
    public Optional<String> rememberCookie() {
        return Optional.ofNullable(rememberCookie);
    }

    /** Sets (or, with {@code null}, drops) the "keep me signed in" cookie. */
    public void setRememberCookie(String value) {
        rememberCookie = value;
    }

    /** @return the bound cookie this browser holds */
    public Optional<String> boundCookie() {
        return Optional.ofNullable(boundCookie);
    }

    /** Sets (or, with {@code null}, drops) the bound cookie. */
    public void setBoundCookie(String value) {
        boundCookie = value;
    }

    /** @return the pending-step cookie this browser holds */
    public Optional<String> pendingCookie() {
        return Optional.ofNullable(pendingCookie);
    }

    /** @return the device cookie this browser was given at a successful login */
    public Optional<String> deviceCookie() {
        return Optional.ofNullable(deviceCookie);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> postForm(String path, String... namesAndValues) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofString(form(namesAndValues))));
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Creates a user of its own for one test (password {@code DemoAccounts.PASSWORD}); returns the name. */
    public String newUser(String prefix, String... groups) {
        String name = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = postForm(
                "test/accounts", "name", name, "groups", groups.length == 0 ? "customer" : String.join(",", groups));
        if (created.statusCode() != 200) {
            throw new IllegalStateException("Cannot create user " + name + ": " + created.statusCode());
        }
        return name;
    }

    /** Logs in through the library's JSON endpoint; returns the response. */
    public HttpResponse<String> login(String user, String password) {
        return postJson("usersession/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }

    /** @return the id of this browser's session, from the library's list of the caller's sessions */
    public String currentSessionId() {
        HttpResponse<String> list = get("usersession/sessions");
        if (list.statusCode() != 200) {
            throw new AssertionError("usersession/sessions answered " + list.statusCode() + ": " + list.body());
        }
        for (JsonValue session :
                Json.createReader(new StringReader(list.body())).readArray()) {
            JsonObject object = session.asJsonObject();
            if (object.getBoolean("current")) {
                return object.getString("id");
            }
        }
        throw new AssertionError("no current session in " + list.body());
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (cookie != null
                || containerSession != null
                || deviceCookie != null
                || pendingCookie != null
                || rememberCookie != null
                || boundCookie != null) {
            StringBuilder header = new StringBuilder();
            if (cookie != null) {
                header.append(COOKIE).append('=').append(cookie);
            }
            if (deviceCookie != null) {
                header.append(header.length() > 0 ? "; " : "")
                        .append(DEVICE_COOKIE)
                        .append('=')
                        .append(deviceCookie);
            }
            if (rememberCookie != null) {
                header.append(header.length() > 0 ? "; " : "")
                        .append(REMEMBER_COOKIE)
                        .append('=')
                        .append(rememberCookie);
            }
            if (boundCookie != null) {
                header.append(header.length() > 0 ? "; " : "")
                        .append(BOUND_COOKIE)
                        .append('=')
                        .append(boundCookie);
            }
            if (pendingCookie != null) {
                header.append(header.length() > 0 ? "; " : "")
                        .append(PENDING_COOKIE)
                        .append('=')
                        .append(pendingCookie);
            }
            if (containerSession != null) {
                header.append(header.length() > 0 ? "; " : "")
                        .append("JSESSIONID=")
                        .append(containerSession);
            }
            builder.header("Cookie", header.toString());
        }
        return builder;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            remember(response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(List<String> setCookies) {
        for (String header : setCookies) {
            if (header.startsWith("JSESSIONID=")) {
                containerSession = header.substring(
                        "JSESSIONID=".length(), header.indexOf(';') > 0 ? header.indexOf(';') : header.length());
            }
            Matcher matcher = SET_COOKIE.matcher(header);
            if (matcher.matches()) {
                cookie = matcher.group(2).contains("Max-Age=0") ? null : matcher.group(1);
            }
            Matcher remember = SET_REMEMBER_COOKIE.matcher(header);
            if (remember.matches()) {
                rememberCookie = remember.group(2).contains("Max-Age=0") ? null : remember.group(1);
            }
            Matcher bound = SET_BOUND_COOKIE.matcher(header);
            if (bound.matches()) {
                boundCookie = bound.group(2).contains("Max-Age=0") ? null : bound.group(1);
            }
            Matcher pending = SET_PENDING_COOKIE.matcher(header);
            if (pending.matches()) {
                pendingCookie = pending.group(2).contains("Max-Age=0") ? null : pending.group(1);
            }
            Matcher device = SET_DEVICE_COOKIE.matcher(header);
            if (device.matches()) {
                deviceCookie = device.group(2).contains("Max-Age=0") ? null : device.group(1);
            }
        }
    }

    private static String form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }
}
