package dev.usersession.it;

import static dev.usersession.it.DocumentedApplication.blocks;
import static dev.usersession.it.DocumentedApplication.compile;
import static dev.usersession.it.DocumentedApplication.only;
import static dev.usersession.it.DocumentedApplication.page;
import static dev.usersession.it.DocumentedApplication.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.DocumentedApplication.Block;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application a new user writes from the documentation alone: the README's quick start (the bean, the persistence
 * unit producer, {@code persistence.xml}, the settings) and the rest of the application from the getting-started
 * page, taken from their own code blocks, compiled and deployed with nothing else but the library. A client that
 * does what the pages tell an API client to do signs up, logs in through the library's endpoint and uses the bean
 * across requests and logins. A page that leaves out an entity, a step or a header fails here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QuickStartIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static WebArchive application() {
        List<Block> quickStart = quickStart();
        List<Block> rest = blocks(section(page("docs/getting-started.md"), "The complete application"));
        WebArchive war = Deployments.libraryOnly("quickstart")
                .addAsResource(
                        new StringAsset(only(quickStart, "xml", "<persistence ").text()), "META-INF/persistence.xml")
                .addAsResource(
                        new StringAsset(
                                only(quickStart, "properties", "usersession.").text()),
                        "META-INF/microprofile-config.properties");
        List<String> java = Stream.concat(quickStart.stream(), rest.stream())
                .filter(block -> block.language().equals("java"))
                .map(Block::text)
                .toList();
        compile(java).forEach((path, bytes) -> war.add(new ByteArrayAsset(bytes), "WEB-INF/classes/" + path));
        return war;
    }

    @ArquillianResource
    URL base;

    @Test
    void theQuickStartNamesTheJarAsBuiltTheApiItIsBuiltAgainstAndTheServerSettingTheTestsUse() throws IOException {
        List<Block> quickStart = quickStart();
        String readme = section(page("README.md"), "Quick start");
        String dependency = only(quickStart, "xml", "<dependency>").text();
        String jar =
                Path.of(System.getProperty("usersession.jar")).getFileName().toString();

        assertTrue(dependency.contains("<groupId>dev.usersession</groupId>"), dependency);
        assertTrue(dependency.contains("<artifactId>usersession</artifactId>"), dependency);
        assertEquals("usersession-" + element(dependency, "version") + ".jar", jar);
        assertTrue(
                readme.contains("jakarta.platform:jakarta.jakartaee-api:"
                        + element(Files.readString(page("pom.xml")), "jakartaee.version")),
                "the API version of pom.xml");
        String wildflySetting = Files.readAllLines(page("src/test/wildfly/configure.cli")).stream()
                .filter(line -> line.contains("integrated-jaspi"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                wildflySetting, only(quickStart, "", "integrated-jaspi").text().strip());
    }

    @Test
    void aUserWhoLoggedInThroughTheLibraryKeepsTheBeansStateAcrossRequestsAndLogins() {
        ApiClient client = new ApiClient(base);
        String user = "ada-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(401, client.send(client.form("api/cart", "item", "tea")).statusCode(), "not logged in");
        HttpResponse<String> signUp = client.send(client.form("api/accounts", "name", user, "password", PASSWORD));
        assertEquals(204, signUp.statusCode(), signUp.body());

        JsonObject login = client.logIn(user);
        assertEquals(user, login.getString("user"));
        assertEquals(
                List.of("usersession"),
                client.cookieNames().stream()
                        .filter(name -> !name.endsWith("-device"))
                        .toList(),
                "the session cookie over plain http");
        assertEquals(
                403,
                client.send(client.form("api/cart", "item", "tea")).statusCode(),
                "a state-changing request without the CSRF token or an Origin");
        HttpResponse<String> added = client.send(
                client.form("api/cart", "item", "tea").header("X-CSRF-Token", login.getString("csrfToken")));
        assertEquals(204, added.statusCode(), added.body());
        assertEquals(List.of("tea"), client.cart(), "the next request");

        ApiClient otherDevice = new ApiClient(base);
        otherDevice.logIn(user);
        assertEquals(List.of("tea"), otherDevice.cart(), "a new login carries the state of the latest session");
    }

    private static List<Block> quickStart() {
        return blocks(section(page("README.md"), "Quick start"));
    }

    private static String element(String xml, String name) {
        Matcher element =
                Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(xml);
        assertTrue(element.find(), "<" + name + "> in " + xml);
        return element.group(1).trim();
    }

    /**
     * A program that talks to the application as the getting-started page tells an API client to: no browser, so no
     * {@code Origin} and no {@code Sec-Fetch-Site}. It keeps cookies as curl's cookie jar does, by name, and sends
     * their values as they came ({@code java.net.CookieManager} would quote them, taking a cookie with
     * {@code Max-Age} for an RFC 2965 one).
     */
    private static final class ApiClient {

        private static final HttpClient HTTP =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        private final URI base;
        private final Map<String, String> cookies = new TreeMap<>();

        ApiClient(URL base) {
            this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        }

        JsonObject logIn(String user) {
            HttpResponse<String> login = send(HttpRequest.newBuilder(base.resolve("usersession/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                            .add("username", user)
                            .add("password", PASSWORD)
                            .build()
                            .toString())));
            assertEquals(200, login.statusCode(), login.body());
            JsonObject answer =
                    Json.createReader(new StringReader(login.body())).readObject();
            assertFalse(answer.getString("csrfToken").isEmpty(), login.body());
            return answer;
        }

        List<String> cart() {
            HttpResponse<String> cart =
                    send(HttpRequest.newBuilder(base.resolve("api/cart")).GET());
            assertEquals(200, cart.statusCode(), cart.body());
            JsonArray items = Json.createReader(new StringReader(cart.body())).readArray();
            return items.getValuesAs(value -> ((JsonString) value).getString());
        }

        HttpRequest.Builder form(String path, String... namesAndValues) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                body.append(body.length() > 0 ? "&" : "")
                        .append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
            }
            return HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        }

        List<String> cookieNames() {
            return List.copyOf(cookies.keySet());
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                                .collect(Collectors.joining("; ")));
            }
            try {
                HttpResponse<String> response = HTTP.send(
                        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                for (String setCookie : response.headers().allValues("Set-Cookie")) {
                    String pair = setCookie.split(";", 2)[0];
                    String name = pair.substring(0, pair.indexOf('=')).trim();
                    if (setCookie.contains("Max-Age=0")) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, pair.substring(pair.indexOf('=') + 1).trim());
                    }
                }
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
