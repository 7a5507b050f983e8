package dev.usersession.auth;

import dev.usersession.UserSessionException;

/**
 * A login was refused because the user already has the most sessions allowed ({@code usersession.max-sessions-per-user}
 * with {@code usersession.on-max-sessions=refuse}), or, with {@code end-oldest}, because newer logins of the same user
 * came at the same moment and took the places left. A web request answers 409 Conflict, error code
 * {@code session_limit}.
 */
public class SessionLimitReachedException extends UserSessionException {
    private static final long serialVersionUID = 1L;

    /** @param message whose limit, and how large */
    public SessionLimitReachedException(String message) {
        super("session_limit", message);
    }
}
