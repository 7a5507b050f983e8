package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.dbstore.ShopUsers;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Logins through the library's endpoint validate against whatever identity stores the application has: here only the
 * container's {@code @DatabaseIdentityStoreDefinition} on the application's own data source, with the library's
 * identity store switched off and no account table at all. The caller gets a library session with the groups that
 * store gave.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseIdentityStoreIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.libraryOnly("dbstore")
                .addPackage(ShopUsers.class.getPackage())
                .addAsLibrary(Deployments.h2Driver())
                .addAsResource("it/persistence-dbstore.xml", "META-INF/persistence.xml")
                .addAsResource(Deployments.h2SchemaWithout("user_account"), "META-INF/dbstore-schema.sql")
                .addAsResource(
                        new StringAsset("usersession.identity-store.enabled=false\n"),
                        "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Test
    void aLoginIsCheckedByTheApplicationsDatabaseIdentityStoreAndOpensALibrarySession() {
        Browser browser = new Browser(base);
        assertEquals("false", browser.get("tables?name=user_account").body(), "no account table");
        assertEquals("true", browser.get("tables?name=user_session").body());

        assertEquals(401, browser.login("dora", "not her password").statusCode());
        assertEquals(401, browser.login("nobody", ShopUsers.PASSWORD).statusCode());
        HttpResponse<String> login = browser.login("dora", ShopUsers.PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        assertTrue(login.body().contains("\"buyer\""), login.body());
        assertTrue(browser.cookie().isPresent());
        assertEquals("dora buyer=true session=true", browser.get("whoami").body());

        assertEquals(204, browser.postJson("usersession/logout", "{}").statusCode());
        assertEquals("anonymous", browser.get("whoami").body());
    }
}
