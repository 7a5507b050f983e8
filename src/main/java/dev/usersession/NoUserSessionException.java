package dev.usersession;

import jakarta.enterprise.context.ContextNotActiveException;

/**
 * A {@code @UserSession} bean was used where no user session is bound: outside a request of a logged-in user and
 * outside {@link UserSessions#runIn}. A web request answers 401 Unauthorized, error code {@code not_logged_in}.
 *
 * <p>It is a CDI {@link ContextNotActiveException}, as the CDI specification asks of a context that is not active,
 * so it is not a {@link UserSessionException}: it carries its code as a {@link UserSessionFailure}.
 */
public class NoUserSessionException extends ContextNotActiveException implements UserSessionFailure {
    private static final long serialVersionUID = 1L;

    /** @param message which bean, and how to bind a session */
    public NoUserSessionException(String message) {
        super(message);
    }

    /** @return {@code not_logged_in} */
    @Override
    public String errorCode() {
        return "not_logged_in";
    }
}
