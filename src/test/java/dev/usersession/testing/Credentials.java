package dev.usersession.testing;

import dev.usersession.UserSession;
import dev.usersession.admin.AdminVisible;
import java.io.Serializable;

/** A {@code @UserSession} bean that holds something secret beside something plain (marked viewable). */
@UserSession
public class Credentials implements Serializable {
    private static final long serialVersionUID = 1L;

    @AdminVisible
    private String displayName;

    private String apiToken;

    public void set(String displayName, String apiToken) {
        this.displayName = displayName;
        this.apiToken = apiToken;
    }
}
