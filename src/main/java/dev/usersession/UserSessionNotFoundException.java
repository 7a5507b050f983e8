package dev.usersession;

/**
 * Thrown when code asks to run in a session that does not exist (never created, ended, or expired), or when a session
 * ended while a unit of work was still using it; in the latter case the unit of work's changes were not stored. A web
 * request answers 401 Unauthorized, error code {@code session_ended}.
 */
public class UserSessionNotFoundException extends UserSessionException {
    private static final long serialVersionUID = 1L;

    /** @param message which session was missing and where */
    public UserSessionNotFoundException(String message) {
        super("session_ended", message);
    }
}
