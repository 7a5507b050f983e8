package dev.usersession.bench;

import dev.usersession.ReadOnly;
import dev.usersession.UserSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;

/** The same small bean in three scopes. */
public final class Beans {

    private Beans() {
    }

    /** In a {@code @UserSession}. */
    @UserSession
    public static class InUserSession implements Serializable {
        private static final long serialVersionUID = 1L;
        private int value = 42;

        @ReadOnly
        public int value() {
            return value;
        }

        public void set(int newValue) {
            value = newValue;
        }
    }

    /**
     * In a {@code @UserSession}, without read-only methods (how most applications write them): no interceptor is
     * bound, the context marks the bean used on every call.
     */
    @UserSession
    public static class InUserSessionWithoutReadOnly implements Serializable {
        private static final long serialVersionUID = 1L;
        private int value = 42;

        public int value() {
            return value;
        }

        public void set(int newValue) {
            value = newValue;
        }
    }

    /** In the container's {@code @SessionScoped}. */
    @SessionScoped
    public static class InHttpSession implements Serializable {
        private static final long serialVersionUID = 1L;
        private int value = 42;

        public int value() {
            return value;
        }

        public void set(int newValue) {
            value = newValue;
        }
    }

    /** In {@code @ApplicationScoped}. */
    @ApplicationScoped
    public static class InApplication {
        private int value = 42;

        public int value() {
            return value;
        }

        public void set(int newValue) {
            value = newValue;
        }
    }
}
