package dev.usersession.auth;

import dev.usersession.UserSessionException;

/**
 * The logged-in user lacks a role that a call needs. A web request answers 403 Forbidden, error code
 * {@code forbidden}.
 */
public class AccessDeniedException extends UserSessionException {
    private static final long serialVersionUID = 1L;

    /** @param message what was refused, and which roles would have been accepted */
    public AccessDeniedException(String message) {
        super("forbidden", message);
    }
}
