package dev.usersession.it.app;

import dev.usersession.RequiresLogin;
import jakarta.enterprise.context.ApplicationScoped;

/** A plain CDI bean guarded by {@code @RequiresLogin}: admins only, except a method whose own binding says more. */
@ApplicationScoped
@RequiresLogin(roles = "admin")
public class Reports {

    @RequiresLogin
    public String mine() {
        return "my report";
    }

    public String all() {
        return "all reports";
    }
}
