package dev.usersession.it;

import dev.usersession.it.app.AppPersistence;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The test application: the library jar as built, plus a few servlets and beans in {@code it.app}. */
public final class Deployments {

    private Deployments() {}

    /** @return the test WAR */
    public static WebArchive testApplication(String name) {
        return libraryOnly(name)
                .addPackage(AppPersistence.class.getPackage())
                .addAsResource("it/persistence.xml", "META-INF/persistence.xml");
    }

    /**
     * @return the test WAR with its persistence unit made by the library's schema script for {@code database}
     *     ({@code postgresql}, {@code mariadb}) instead of the H2 script
     */
    public static WebArchive testApplication(String name, String database) {
        try (var persistence = Deployments.class.getResourceAsStream("/it/persistence.xml")) {
            String xml = new String(persistence.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("schema-h2.sql", "schema-" + database + ".sql");
            return libraryOnly(name)
                    .addPackage(AppPersistence.class.getPackage())
                    .addAsResource(new StringAsset(xml), "META-INF/persistence.xml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a WAR with only the library and what it depends on; the test adds the application */
    public static WebArchive libraryOnly(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(libraryJar())
                .addAsLibraries(libraryDependencies());
    }

    /** @return the library's shipped H2 schema script without the statements that name {@code table} */
    public static StringAsset h2SchemaWithout(String table) {
        try (ZipFile jar = new ZipFile(System.getProperty("usersession.jar"))) {
            String script = new String(
                    jar.getInputStream(jar.getEntry("META-INF/usersession/schema-h2.sql"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            return new StringAsset(script.lines()
                    .filter(line -> !line.contains(" " + table + " "))
                    .collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the PostgreSQL driver jar, for an application that brings its own PostgreSQL data source */
    public static File postgresqlDriver() {
        return new File(System.getProperty("postgresql.jar"));
    }

    /** @return the H2 driver jar, for an application that brings its own H2 data source */
    public static File h2Driver() {
        return new File(System.getProperty("h2.jar"));
    }

    /**
     * After an undeployment: on Payara Micro, where each deployment is a process of its own that the adapter stops
     * without waiting, waits until that process has let go of the HTTP port, so that the next deployment's process
     * can take it. On WildFly (one server for all deployments) it returns at once.
     */
    @SuppressWarnings("try") // the resource holds for the block, which never names it
    public static void awaitUndeployed() throws InterruptedException {
        if (!"payara".equals(System.getProperty("arquillian.launch"))) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", Integer.getInteger("it.http.port"))) {
                Thread.sleep(200);
            } catch (IOException portIsFree) {
                return;
            }
        }
        throw new IllegalStateException(
                "The undeployed Payara Micro still holds port " + Integer.getInteger("it.http.port") + " after 60 s");
    }

    /** @return the jars the library brings into an application's WAR (its runtime dependencies) */
    private static File[] libraryDependencies() {
        File directory = new File(System.getProperty("usersession.dependencies", ""));
        File[] jars = directory.listFiles((dir, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("The server tests deploy the library's dependencies as the build copied "
                    + "them; run them with 'mvn verify' (system property usersession.dependencies = " + directory
                    + ")");
        }
        return jars;
    }

    private static JavaArchive libraryJar() {
        String path = System.getProperty("usersession.jar");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("The server tests deploy the library jar as built; run them with "
                    + "'mvn verify' (system property usersession.jar = " + path + ")");
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, new File(path));
    }
}
