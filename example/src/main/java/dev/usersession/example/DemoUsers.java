package dev.usersession.example;

import dev.usersession.auth.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;

/** Creates the demo users (alice, bob, and the administrator admin) at the first start (README states their password). */
@ApplicationScoped
public class DemoUsers {

    /** The demo users' password. */
    public static final String PASSWORD = "shop-demo-2026";

    @Inject
    UserAccounts accounts;

    void create(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String name : new String[] {"alice", "bob"}) {
            if (!accounts.exists(name)) {
                accounts.create(name, PASSWORD.toCharArray(), Set.of("customer"));
            }
        }
        // The demo administrator: the library's /usersession/admin endpoints need usersession.admin.role.
        if (!accounts.exists("admin")) {
            accounts.create("admin", PASSWORD.toCharArray(), Set.of("customer", "usersession-admin"));
        }
    }
}
