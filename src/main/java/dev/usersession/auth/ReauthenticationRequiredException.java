package dev.usersession.auth;

/**
 * Thrown when the user last proved who they are too long ago for the called method ({@link RequiresLogin#recent()}).
 * The library's exception mappers answer 401 with {@code {"error":"reauthentication_required"}}, so that a page
 * can ask the user to prove who they are again and retry.
 */
public class ReauthenticationRequiredException extends NotLoggedInException {
    private static final long serialVersionUID = 1L;

    /** @param message what was refused and why */
    public ReauthenticationRequiredException(String message) {
        super("reauthentication_required", message);
    }
}
