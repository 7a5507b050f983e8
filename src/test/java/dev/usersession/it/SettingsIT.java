package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A {@code usersession.*} setting that cannot be used fails the deployment, naming the setting. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsIT {

    private static final String APP = "badsettings";

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive application() {
        return Deployments.testApplication(APP)
                .addAsResource(
                        new StringAsset("usersession.idle-timeout=abc\n"), "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    Deployer deployer;

    /**
     * WildFly refuses the deployment with the setting's name in its answer. Payara Micro's adapter reports a
     * deployment that failed as deployed (the server logs "Exception while loading the app : CDI deployment failure:
     * The setting usersession.idle-timeout ..."): there the application must then not be served.
     */
    @Test
    void anIdleTimeoutThatIsNotADurationFailsTheDeployment() throws Exception {
        try {
            boolean reportedDeployed;
            try {
                deployer.deploy(APP);
                reportedDeployed = true;
            } catch (Exception failure) {
                reportedDeployed = false;
                StringBuilder messages = new StringBuilder();
                for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                    messages.append(cause.getMessage()).append('\n');
                }
                assertTrue(messages.toString().contains("usersession.idle-timeout"), messages.toString());
            }
            if (reportedDeployed) {
                HttpResponse<String> response = new Browser(
                                new URL("http://127.0.0.1:" + Integer.getInteger("it.http.port") + "/" + APP + "/"))
                        .get("test/whoami");
                assertEquals(404, response.statusCode(), "the application must not be served: " + response.body());
            }
        } finally {
            try {
                deployer.undeploy(APP);
            } catch (RuntimeException notDeployed) {
                // the failed deployment may be gone already
            }
            Deployments.awaitUndeployed();
        }
    }
}
