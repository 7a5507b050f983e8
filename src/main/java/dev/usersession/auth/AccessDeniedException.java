package dev.usersession.auth;

/** The logged-in user lacks a role that a call needs. A web request answers 403 Forbidden. */
public class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was refused, and which roles would have been accepted */
    public AccessDeniedException(String message) {
        super(message);
    }
}
