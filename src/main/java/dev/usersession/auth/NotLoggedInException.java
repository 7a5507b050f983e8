package dev.usersession.auth;

import dev.usersession.UserSessionException;

/**
 * A call that needs a logged-in user was made without one. A web request answers 401 Unauthorized, error code
 * {@code not_logged_in} (its subclasses say more with codes of their own).
 */
public class NotLoggedInException extends UserSessionException {
    private static final long serialVersionUID = 1L;

    /** @param message what needed a logged-in user */
    public NotLoggedInException(String message) {
        this("not_logged_in", message);
    }

    /**
     * For the subclasses, which say why with a code of their own.
     *
     * @param errorCode the error code a web request is answered with
     * @param message what needed a logged-in user
     */
    protected NotLoggedInException(String errorCode, String message) {
        super(errorCode, message);
    }
}
