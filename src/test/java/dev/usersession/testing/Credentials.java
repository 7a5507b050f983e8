package dev.usersession.testing;

import dev.usersession.UserSession;
import java.io.Serializable;

/** A {@code @UserSession} bean that holds something secret beside something plain. */
@UserSession
public class Credentials implements Serializable {
    private static final long serialVersionUID = 1L;

    private String displayName;
    private String apiToken;

    public void set(String displayName, String apiToken) {
        this.displayName = displayName;
        this.apiToken = apiToken;
    }
}
