package dev.usersession;

import java.util.Objects;

/**
 * The common superclass of the library's exceptions: each carries its {@linkplain #errorCode() error code}, the
 * {@code error} of the short JSON body that a web request is answered with, so that one exception mapper of the
 * library answers them all. A caller may catch it to handle any failure of the library in one place; the subclasses
 * say what happened and what was stored. Two exceptions of the library keep another superclass and implement
 * {@link UserSessionFailure} only: {@link NoUserSessionException} and
 * {@link dev.usersession.auth.InvalidPasswordException}.
 */
public abstract class UserSessionException extends RuntimeException implements UserSessionFailure {
    private static final long serialVersionUID = 1L;

    private final String errorCode;

    /**
     * @param errorCode the error code a web request is answered with
     * @param message what failed
     */
    protected UserSessionException(String errorCode, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    /**
     * @param errorCode the error code a web request is answered with
     * @param message what failed
     * @param cause the failure underneath
     */
    protected UserSessionException(String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    @Override
    public String errorCode() {
        return errorCode;
    }
}
