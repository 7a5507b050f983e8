package dev.usersession;

import jakarta.enterprise.context.ContextNotActiveException;

/**
 * A {@code @UserSession} bean was used where no user session is bound: outside a request of a logged-in user and
 * outside {@link UserSessions#runIn}. A web request answers 401 Unauthorized.
 */
public class NoUserSessionException extends ContextNotActiveException {
    private static final long serialVersionUID = 1L;

    /** @param message which bean, and how to bind a session */
    public NoUserSessionException(String message) {
        super(message);
    }
}
