package dev.usersession.auth;

/** A call that needs a logged-in user was made without one. A web request answers 401 Unauthorized. */
public class NotLoggedInException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what needed a logged-in user */
    public NotLoggedInException(String message) {
        super(message);
    }
}
