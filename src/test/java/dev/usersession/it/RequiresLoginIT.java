package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.usersession.it.app.DemoAccounts;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code @RequiresLogin} on a plain CDI bean, and the library's error answers, on the server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequiresLoginIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("guard");
    }

    @ArquillianResource
    URL base;

    @Test
    void guardedBeanAnswers401WithoutLoginAnd403WithoutTheRole() {
        Browser anonymous = new Browser(base);
        assertEquals(401, anonymous.get("test/reports/mine").statusCode());

        Browser customer = new Browser(base);
        customer.login(customer.newUser("alice"), DemoAccounts.PASSWORD);
        assertEquals("my report", customer.get("test/reports/mine").body());
        assertEquals(403, customer.get("test/reports/all").statusCode());

        Browser admin = new Browser(base);
        admin.login(admin.newUser("admin", "customer", "admin"), DemoAccounts.PASSWORD);
        assertEquals("all reports", admin.get("test/reports/all").body());
    }

    @Test
    void rolesOnASubclassOrAStereotypeGuardTheMethodsTheyBind() {
        Browser customer = new Browser(base);
        customer.login(customer.newUser("carol"), DemoAccounts.PASSWORD);
        assertEquals(403, customer.get("test/reports/archived").statusCode(), "method inherited from a base class");
        assertEquals(403, customer.get("test/reports/audit").statusCode(), "binding from a stereotype");

        Browser admin = new Browser(base);
        admin.login(admin.newUser("root", "customer", "admin"), DemoAccounts.PASSWORD);
        assertEquals("archived reports", admin.get("test/reports/archived").body());
        assertEquals("audit entries", admin.get("test/reports/audit").body());
        assertEquals(401, new Browser(base).get("test/reports/audit").statusCode());
    }

    @Test
    void sessionBeanWithoutLoginAnswers401NotA500() {
        assertEquals(401, new Browser(base).get("test/counter").statusCode());
    }
}
