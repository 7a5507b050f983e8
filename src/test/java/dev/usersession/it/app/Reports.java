package dev.usersession.it.app;

import dev.usersession.RequiresLogin;
import jakarta.enterprise.context.ApplicationScoped;

/** A plain CDI bean guarded by {@code @RequiresLogin}. */
@ApplicationScoped
public class Reports {

    @RequiresLogin
    public String mine() {
        return "my report";
    }

    @RequiresLogin(roles = "admin")
    public String all() {
        return "all reports";
    }
}
