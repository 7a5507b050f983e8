package dev.usersession;

/**
 * Thrown at the end of a unit of work when another unit of work of the same session changed the same bean first.
 * None of the changes of the failing unit of work were stored; the other one's were. The caller may retry the whole
 * operation (a web request answers 409 Conflict, error code {@code conflict}).
 */
public class UserSessionConflictException extends UserSessionException {
    private static final long serialVersionUID = 1L;

    private final String sessionId;

    /**
     * @param sessionId the session whose state could not be stored
     * @param message what conflicted
     */
    public UserSessionConflictException(String sessionId, String message) {
        super("conflict", message);
        this.sessionId = sessionId;
    }

    /** @return the id of the session whose state could not be stored */
    public String getSessionId() {
        return sessionId;
    }
}
