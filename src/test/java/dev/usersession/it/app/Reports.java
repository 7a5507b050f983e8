package dev.usersession.it.app;

import dev.usersession.AssuranceLevel;
import dev.usersession.auth.RequiresLogin;
import jakarta.enterprise.context.ApplicationScoped;

/** A plain CDI bean guarded by {@code @RequiresLogin}: admins only, except a method whose own binding says more. */
@ApplicationScoped
@RequiresLogin(roles = "admin")
public class Reports {

    @RequiresLogin
    public String mine() {
        return "my report";
    }

    /** Any user, with a proof of identity from the last five minutes. */
    @RequiresLogin(recent = "PT5M")
    public String sensitive() {
        return "sensitive report";
    }

    /** Any user whose session reached two factors. */
    @RequiresLogin(level = AssuranceLevel.AAL2)
    public String secret() {
        return "secret report";
    }

    /** Any user who proved a second factor in the last five minutes. */
    @RequiresLogin(level = AssuranceLevel.AAL2, recent = "PT5M")
    public String recentSecret() {
        return "recent secret report";
    }

    public String all() {
        return "all reports";
    }
}
