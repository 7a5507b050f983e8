package dev.usersession.it;

import dev.usersession.it.app.AppPersistence;
import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The test application: the library jar as built, plus a few servlets and beans in {@code it.app}. */
public final class Deployments {

    private Deployments() {
    }

    /** @return the test WAR */
    public static WebArchive testApplication(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(libraryJar())
                .addAsLibraries(libraryDependencies())
                .addPackage(AppPersistence.class.getPackage())
                .addAsResource("it/persistence.xml", "META-INF/persistence.xml");
    }

    /**
     * After an undeployment: on Payara Micro, where each deployment is a process of its own that the adapter stops
     * without waiting, waits until that process has let go of the HTTP port, so that the next deployment's process
     * can take it. On WildFly (one server for all deployments) it returns at once.
     */
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
        throw new IllegalStateException("The undeployed Payara Micro still holds port " + Integer.getInteger(
                "it.http.port") + " after 60 s");
    }

    /** @return the jars the library brings into an application's WAR (its runtime dependencies) */
    private static File[] libraryDependencies() {
        File directory = new File(System.getProperty("usersession.dependencies", ""));
        File[] jars = directory.listFiles((dir, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("The server tests deploy the library's dependencies as the build copied "
                    + "them; run them with 'mvn verify' (system property usersession.dependencies = " + directory + ")");
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
