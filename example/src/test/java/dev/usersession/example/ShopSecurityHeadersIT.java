package dev.usersession.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shop's pages, scripts and API answer with the headers a security review (or a scanner such as wapiti) looks
 * for: a content security policy that forbids framing and inline scripts, {@code nosniff}, {@code X-Frame-Options},
 * and HSTS over HTTPS. That the pages work under that policy is what the browser tests show.
 */
class ShopSecurityHeadersIT {

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
    void pagesScriptsAndTheApiRefuseFramingSniffingAndInlineScripts() throws Exception {
        for (String path : List.of("", "login.html", "account.html", "app.js", "style.css", "api/products",
                "usersession/sessions")) {
            HttpResponse<String> response = get(CLIENT, SERVER.url() + path);
            String where = path + " " + response.statusCode() + " " + response.headers();

            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), where);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), where);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("frame-ancestors 'none'"), where);
            if (!path.startsWith("usersession/")) { // the library's endpoints answer JSON under their own policy
                assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, policy, where);
                assertTrue(response.headers().firstValue("Strict-Transport-Security").isEmpty(),
                        "no HSTS over plain http: " + where);
            }
        }
    }

    @Test
    void overHttpsThePagesAskForHttpsOnly() throws Exception {
        assumeFalse("payara".equals(System.getProperty("shop.server")), "Payara Micro runs the shop without HTTPS");
        int port = Integer.parseInt(SERVER.url().replaceAll(".*:(\\d+)/.*", "$1")) - 8080 + 8443;
        HttpClient trustingClient = HttpClient.newBuilder().sslContext(trustingEveryCertificate()).build();

        HttpResponse<String> page = get(trustingClient, "https://localhost:" + port + "/shop/login.html");

        assertEquals(200, page.statusCode());
        assertEquals("max-age=31536000", page.headers().firstValue("Strict-Transport-Security").orElse(""));
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** WildFly's HTTPS listener uses a certificate it made for itself at its first start. */
    private static SSLContext trustingEveryCertificate() throws Exception {
        TrustManager trustAll = new X509ExtendedTrustManager() { // extended: no host name check either
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
    }
}
