package dev.usersession.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shop's JSON API answers a client's mistakes with a 4xx and a short JSON body, never a 500 and never an
 * exception's name.
 */
class ShopApiErrorsIT {

    private static final ShopServer SERVER = new ShopServer();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        SERVER.start();
    }

    @AfterAll
    static void stop() throws Exception {
        SERVER.stop();
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        assertShortBadRequest(postJson("api/account/signup", "{\"username\": \"ann\", \"password\": "));
    }

    @Test
    void jsonOfTheWrongShapeIsABadRequest() throws Exception {
        assertShortBadRequest(postJson("api/account/signup", "[\"ann\", \"a good long password\"]"));
    }

    @Test
    void theLibrarysAnswersNameNoExceptionEither() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(SERVER.url() + "api/account/me"))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode(), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    private static HttpResponse<String> postJson(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(SERVER.url() + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Origin", SERVER.url().replaceAll("/shop/$", ""))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertShortBadRequest(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        assertTrue(response.body().startsWith("{\"message\":"), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("jakarta."), response.body());
    }
}
