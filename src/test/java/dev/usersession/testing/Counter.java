package dev.usersession.testing;

import dev.usersession.ReadOnly;
import dev.usersession.UserSession;
import java.io.Serializable;

/** A {@code @UserSession} bean with one number. */
@UserSession
public class Counter implements Serializable {
    private static final long serialVersionUID = 1L;

    private int count;

    public void increment() {
        count++;
    }

    @ReadOnly
    public int count() {
        return count;
    }

    /** Not read-only, though it changes nothing: marks the bean used. */
    public int countForUpdate() {
        return count;
    }
}
