package dev.usersession.testing;

import dev.usersession.ReadOnly;
import dev.usersession.UserSession;
import java.io.Serializable;

/** A third {@code @UserSession} bean, with fields that have defaults. */
@UserSession
@ReadOnly
public class Preferences implements Serializable {
    private static final long serialVersionUID = 1L;

    private String theme = "light";
    private int pageSize = 20;

    public String theme() {
        return theme;
    }

    public int pageSize() {
        return pageSize;
    }
}
