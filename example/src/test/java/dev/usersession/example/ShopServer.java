package dev.usersession.example;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The example's server as a process the test starts and stops, as a person would with {@code example/run.sh}: a real
 * restart, not a redeployment. WildFly (unpacked, configured and given the shop by {@code mvn package}), or Payara
 * Micro with {@code -Dshop.server=payara} (the payara profile), which keeps its runtime directory, and so its H2
 * database, in target/ between starts. Both serve the shop over HTTPS too, with a self-signed certificate.
 */
final class ShopServer {

    /**
     * Payara starts its run-level services on one thread: with several (its default) a start now and then hung, as in
     * the server tests (see the root project's arquillian.xml).
     */
    private static final String ONE_STARTUP_THREAD = "-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS";

    private final boolean payara = "payara".equals(System.getProperty("shop.server"));
    private final int offset = Integer.getInteger("shop.port.offset", 200);
    private final File target = new File(System.getProperty("shop.war")).getParentFile();
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> systemProperties;
    private Process process;

    /** A server with the shop's own settings. */
    ShopServer() {
        this(List.of());
    }

    /**
     * @param systemProperties {@code -Dname=value} options for the server's JVM, such as a library setting a test
     *     needs shorter than the shop's
     */
    ShopServer(List<String> systemProperties) {
        this.systemProperties = List.copyOf(systemProperties);
    }

    /** @return the shop's URL */
    String url() {
        return url("127.0.0.1");
    }

    /**
     * @param host how the browser names this machine: {@code localhost} for WebAuthn, which needs a secure context
     *     (http://localhost is one, http://127.0.0.1 is not for every browser) and takes the host as relying party id
     * @return the shop's URL with that host
     */
    String url(String host) {
        return "http://" + host + ":" + (8080 + offset) + "/shop/";
    }

    /**
     * @return the shop's HTTPS URL, named {@code localhost} as the certificates of both servers are (WildFly's own,
     *     made at the first HTTPS connection; Payara Micro's, which it ships)
     */
    String httpsUrl() {
        return "https://localhost:" + httpsPort() + "/shop/";
    }

    private int httpsPort() {
        return 8443 + offset;
    }

    /** @return the certificate the running server presents over HTTPS (self-signed, so trusted by nothing) */
    X509Certificate certificate() throws IOException {
        return TrustingTls.certificate("localhost", httpsPort());
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        if (payara) {
            command.addAll(List.of(System.getProperty("shop.payara.java"), "-Xmx512m", ONE_STARTUP_THREAD));
            command.addAll(systemProperties);
            command.addAll(List.of("-jar", System.getProperty("shop.payara.jar"), "--deploy",
                    System.getProperty("shop.war"), "--rootDir", new File(target, "payara-shop-test").getPath(),
                    "--nocluster", "--port", String.valueOf(8080 + offset), "--sslport", String.valueOf(httpsPort())));
            return command;
        }
        File home = new File(System.getProperty("shop.wildfly.home"));
        command.addAll(List.of(new File(home, "bin/standalone.sh").getPath(),
                "-Djboss.socket.binding.port-offset=" + offset, "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1"));
        command.addAll(systemProperties);
        return command;
    }

    /**
     * Starts the server and waits until the shop answers. A start that has not finished after 90 s fails with the
     * server's threads written to a file beside its log, then the server is killed.
     */
    void start() throws IOException, InterruptedException {
        if (answers("127.0.0.1") || answers("localhost")) {
            throw new IllegalStateException("Something already answers at " + url() + ": a server left running?");
        }
        if (!startOnce()) {
            File threads = dumpThreads();
            kill();
            throw new IllegalStateException("The shop did not answer within 90 s; see " + log() + " and " + threads);
        }
    }

    /** Writes the threads of the server's JVM (its own JDK's jcmd) to a file in target/ and returns it. */
    private File dumpThreads() throws IOException, InterruptedException {
        File threads = new File(target, "shop-test-server-threads.txt");
        for (ProcessHandle jvm : tree()) {
            String java = jvm.info().command().orElse("");
            if (java.endsWith("/java")) {
                String jcmd = new File(new File(java).getParentFile(), "jcmd").getPath();
                Process dump = new ProcessBuilder(jcmd, String.valueOf(jvm.pid()), "Thread.print", "-l")
                        .redirectErrorStream(true).redirectOutput(threads).start();
                if (!dump.waitFor(30, TimeUnit.SECONDS)) {
                    dump.destroyForcibly();
                }
            }
        }
        return threads;
    }

    private File log() {
        return new File(target, "shop-test-server.log");
    }

    private boolean startOnce() throws IOException, InterruptedException {
        long logStart = log().length();
        process = new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped while starting; see " + log());
            }
            if (startedSince(logStart) && answers()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /**
     * @return whether the server wrote, after {@code logStart}, that it has started with its deployments: Payara Micro
     *     serves the shop's pages for a moment while it is still deploying, then answers 404 for a few seconds (seen
     *     in CI: a browser test started in that window), so a 200 alone does not say it is ready
     */
    private boolean startedSince(long logStart) throws IOException {
        String marker = payara ? "ready in" : "WFLYSRV0025";
        try (var log = new java.io.RandomAccessFile(log(), "r")) {
            if (log.length() <= logStart) {
                return false;
            }
            log.seek(logStart);
            byte[] written = new byte[(int) Math.min(Integer.MAX_VALUE, log.length() - logStart)];
            log.readFully(written);
            return new String(written, java.nio.charset.StandardCharsets.ISO_8859_1).contains(marker);
        }
    }

    /**
     * @return whether the shop's login page is served (200) under every name the tests use: {@code 127.0.0.1} and
     *     {@code localhost}
     */
    private boolean answers() throws InterruptedException {
        return answers("127.0.0.1") && answers("localhost");
    }

    private boolean answers(String host) throws InterruptedException {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url(host) + "login.html"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private void kill() throws InterruptedException {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, 30);
        process = null;
    }

    /**
     * Stops the server and returns once every process of it has ended: the start script exits as soon as it has
     * passed the signal on, while the server still answers (and then answers 503) for a moment. A server that does not
     * stop within 60 s is killed.
     */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, 60)) {
            kill();
            return;
        }
        process = null;
    }

    /** The server's processes, children first: the start script and the JVM it runs. */
    private List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        return tree;
    }

    private static boolean awaitExit(List<ProcessHandle> processes, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (ProcessHandle handle : processes) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return false;
            }
        }
        return true;
    }
}
