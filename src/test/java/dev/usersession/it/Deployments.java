package dev.usersession.it;

import dev.usersession.it.app.AppPersistence;
import java.io.File;
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
                .addPackage(AppPersistence.class.getPackage())
                .addAsResource("it/persistence.xml", "META-INF/persistence.xml");
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
