package dev.usersession.it.app;

import dev.usersession.auth.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;

/** Creates shared test users at start-up, when they do not exist yet; most tests create their own users. */
@ApplicationScoped
public class DemoAccounts {

    public static final String PASSWORD = "correct horse battery";

    @Inject
    UserAccounts accounts;

    void create(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String name : new String[] {"grace", "heidi"}) {
            if (!accounts.exists(name)) {
                accounts.create(name, PASSWORD.toCharArray(), Set.of("customer"));
            }
        }
        if (!accounts.exists("admin")) {
            accounts.create("admin", PASSWORD.toCharArray(), Set.of("customer", "admin"));
        }
    }
}
