package dev.usersession.internal.security;

import dev.usersession.internal.login.LoginGuard;
import java.util.function.Supplier;

/**
 * Marks a password check that the library itself makes through the identity stores, on the current thread: a login's
 * first step or a re-authentication. Such a check was admitted by {@link LoginGuard} already, and
 * the library asks for the second factor itself after it. Any other call of the library's {@link JpaIdentityStore}
 * comes from another mechanism (Basic, a form or a mechanism of the application's own) that cannot ask for a second
 * factor: the store throttles and audits it itself, and refuses a user who has a second factor.
 */
public final class LibraryPasswordCheck {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private LibraryPasswordCheck() {}

    /** Runs {@code check} (a call of the identity stores) as the library's own password check. */
    public static <T> T run(Supplier<T> check) {
        Boolean outer = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            return check.get();
        } finally {
            if (outer == null) {
                ACTIVE.remove();
            } else {
                ACTIVE.set(outer);
            }
        }
    }

    /** @return whether the current thread is inside {@link #run} */
    static boolean active() {
        return ACTIVE.get() != null;
    }
}
