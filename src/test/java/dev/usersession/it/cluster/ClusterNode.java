package dev.usersession.it.cluster;

import dev.usersession.it.Browser;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * One WildFly node of a test cluster: its own copy of the server's {@code standalone} directory, its own port offset,
 * the shared PostgreSQL or MariaDB database as its default data source, the test application deployed from a file.
 * Started and stopped as a process, so a test can also kill it ({@code kill -9}).
 */
final class ClusterNode {

    private final String name;
    private final int offset;
    private final Path home = Path.of(System.getProperty("jboss.home"));
    private final Path base;
    private final List<String> systemProperties;
    private Process process;

    /** @param systemProperties {@code name=value} settings of the node's JVM, such as library settings */
    ClusterNode(String name, int offset, String... systemProperties) {
        this.name = name;
        this.offset = offset;
        this.systemProperties = List.of(systemProperties);
        this.base = Path.of(System.getProperty("jboss.home"))
                .getParent()
                .resolve("nodes")
                .resolve(name);
    }

    /**
     * Copies the configured server, points it at the database of {@code jdbcUrl}, PostgreSQL or MariaDB (unless
     * {@code jdbcUrl} is {@code null}: then it keeps the in-memory H2 default data source) and deploys the driver and
     * the application.
     */
    void prepare(WebArchive application, String jdbcUrl) throws IOException, InterruptedException {
        deleteTree(base);
        copyTree(home.resolve("standalone"), base);
        deleteTree(base.resolve("data"));
        deleteTree(base.resolve("tmp"));
        deleteTree(base.resolve("log"));
        if (jdbcUrl == null) {
            application
                    .as(ZipExporter.class)
                    .exportTo(base.resolve("deployments/app.war").toFile(), true);
            return;
        }
        String database = jdbcUrl.startsWith("jdbc:mariadb:") ? "mariadb" : "postgresql";
        Path properties = base.resolve("node.properties");
        Files.writeString(properties, "node.jdbc.url=" + jdbcUrl + "\n");
        ProcessBuilder configure = new ProcessBuilder(
                        home.resolve("bin/jboss-cli.sh").toString(),
                        "--file="
                                + Path.of("src/test/wildfly/node-" + database + ".cli")
                                        .toAbsolutePath(),
                        "--properties=" + properties,
                        "--resolve-parameter-values")
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("configure.log").toFile());
        configure.environment().put("JAVA_OPTS", "-Djboss.server.base.dir=" + base);
        Process cli = configure.start();
        if (!cli.waitFor(2, TimeUnit.MINUTES) || cli.exitValue() != 0) {
            throw new IllegalStateException("Configuring " + name + " failed; see " + base.resolve("configure.log"));
        }
        Files.copy(
                Path.of(System.getProperty(database + ".jar")),
                base.resolve("deployments/" + database + ".jar"),
                StandardCopyOption.REPLACE_EXISTING);
        application
                .as(ZipExporter.class)
                .exportTo(base.resolve("deployments/app.war").toFile(), true);
    }

    String name() {
        return name;
    }

    /** Adds another application beside the prepared one, served at {@code /<name>/}; call after {@link #prepare}. */
    void deploy(WebArchive application, String name) {
        application
                .as(ZipExporter.class)
                .exportTo(base.resolve("deployments/" + name + ".war").toFile(), true);
    }

    /** @return a browser on this node's test application that carries the session cookie of {@code session} */
    Browser browserWith(Browser session) throws IOException {
        Browser browser = new Browser(url());
        session.cookie().ifPresent(browser::setCookie);
        return browser;
    }

    /** @return the base URL of an application deployed with {@link #deploy} */
    URL url(String name) throws IOException {
        return URI.create("http://127.0.0.1:" + (8080 + offset) + "/" + name + "/")
                .toURL();
    }

    /** @return the node's readiness endpoint (MicroProfile Health on its management port) */
    URI readiness() {
        return URI.create("http://127.0.0.1:" + (9990 + offset) + "/health/ready");
    }

    URL url() throws IOException {
        return URI.create("http://127.0.0.1:" + (8080 + offset) + "/app/").toURL();
    }

    void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        home.resolve("bin/standalone.sh").toString(),
                        "-Djboss.server.base.dir=" + base,
                        "-Djboss.socket.binding.port-offset=" + offset,
                        "-Djboss.bind.address=127.0.0.1",
                        "-Djboss.bind.address.management=127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        base.resolve("console.log").toFile()));
        StringBuilder options = new StringBuilder("-Xmx512m");
        systemProperties.forEach(property -> options.append(" -D").append(property));
        builder.environment().put("JAVA_OPTS", options.toString());
        process = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + base.resolve("console.log"));
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(url().toURI().resolve("test/whoami"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException | java.net.URISyntaxException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not serve the application within 3 minutes");
    }

    /** Stops the node: gently, or with SIGKILL as a crash would. */
    void stop(boolean kill) throws InterruptedException {
        if (process == null) {
            return;
        }
        if (kill) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } else {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(each);
            }
        }
    }

    @Override
    public String toString() {
        return name + " (port offset " + offset + ", " + base + ")";
    }

    File log() {
        return base.resolve("log/server.log").toFile();
    }
}
