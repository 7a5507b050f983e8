package dev.usersession.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Where the server under test publishes what operators scrape and probe: WildFly on its management port
 * ({@code /prometheus} of the micrometer subsystem, {@code /health/ready}), Payara Micro on its HTTP port
 * ({@code /metrics} of MicroProfile Metrics, {@code /health/ready}).
 */
final class ServerEndpoints {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build(); // Payara answers /metrics with a redirect

    private ServerEndpoints() {}

    static boolean payara() {
        return "payara".equals(System.getProperty("arquillian.launch"));
    }

    static URI metrics() {
        return payara()
                ? URI.create("http://127.0.0.1:" + Integer.getInteger("it.http.port") + "/metrics")
                : URI.create("http://127.0.0.1:" + Integer.getInteger("wildfly.management.port") + "/prometheus");
    }

    static URI readiness() {
        return URI.create("http://127.0.0.1:"
                + Integer.getInteger(payara() ? "it.http.port" : "wildfly.management.port") + "/health/ready");
    }

    /** @return the metrics in Prometheus' text format */
    static PrometheusText scrape() {
        HttpResponse<String> response = get(metrics(), "text/plain");
        if (response.statusCode() != 200) {
            throw new IllegalStateException(metrics() + " answered " + response.statusCode());
        }
        return new PrometheusText(response.body());
    }

    static HttpResponse<String> get(URI uri, String accept) {
        try {
            return CLIENT.send(
                    HttpRequest.newBuilder(uri)
                            .header("Accept", accept)
                            .timeout(Duration.ofSeconds(20))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Prometheus' text exposition, read as sums of samples. */
    record PrometheusText(String text) {

        /** @return the sum of the samples of this metric whose labels hold all these pairs (0 when none) */
        double sum(String metric, Map<String, String> labels) {
            double sum = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || !line.startsWith(metric)) {
                    continue;
                }
                String rest = line.substring(metric.length());
                if (!rest.startsWith("{") && !rest.startsWith(" ")) {
                    continue; // another metric whose name starts with this one
                }
                String labelText = rest.startsWith("{") ? rest.substring(1, rest.indexOf('}')) : "";
                if (labels.entrySet().stream()
                        .allMatch(label -> labelText.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
                    String[] parts = line.trim().split(" ");
                    sum += Double.parseDouble(parts[parts.length - 1]);
                }
            }
            return sum;
        }

        boolean has(String metric) {
            return text.lines().anyMatch(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "));
        }
    }
}
