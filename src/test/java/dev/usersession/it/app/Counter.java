package dev.usersession.it.app;

import dev.usersession.ReadOnly;
import dev.usersession.UserSession;
import dev.usersession.admin.AdminVisible;
import java.io.Serializable;

/** Session state of the test application. */
@UserSession
public class Counter implements Serializable {
    private static final long serialVersionUID = 1L;

    @AdminVisible // the administrator's state view shows it (AdminApiIT)
    private int count;

    public int increment() {
        return ++count;
    }

    @ReadOnly
    public int count() {
        return count;
    }
}
