package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        return Deployments.testApplication(APP).addAsResource(new StringAsset("usersession.idle-timeout=abc\n"),
                "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void anIdleTimeoutThatIsNotADurationFailsTheDeployment() throws Exception {
        try {
            Exception failure = assertThrows(Exception.class, () -> deployer.deploy(APP));
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                messages.append(cause.getMessage()).append('\n');
            }
            assertTrue(messages.toString().contains("usersession.idle-timeout"), messages.toString());
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
