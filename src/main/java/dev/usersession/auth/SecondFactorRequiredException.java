package dev.usersession.auth;

/**
 * Thrown when the session has not reached the assurance level the called method asks for ({@link
 * RequiresLogin#level()}), or a login waits for its second factor. The library's exception mappers answer 401 with
 * {@code {"error":"second_factor_required"}}, so that a page
 * can ask the user to prove who they are again and retry.
 */
public class SecondFactorRequiredException extends NotLoggedInException {
    private static final long serialVersionUID = 1L;

    /** @param message what was refused and why */
    public SecondFactorRequiredException(String message) {
        super("second_factor_required", message);
    }
}
