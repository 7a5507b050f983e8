package dev.usersession.auth;

import dev.usersession.UserSessionFailure;

/**
 * A new password breaks the password policy: too short, too long, one of the commonly used passwords, or the user
 * name in it. The message says which, in a sentence a user can read; a web request answers 400 Bad Request with it
 * ({@code {"error":"invalid_password","message":...}}). It is an {@link IllegalArgumentException}, as the
 * {@link UserAccounts} methods threw before it existed (and still throw for a blank user name), so it is not a
 * {@link dev.usersession.UserSessionException}: it carries its code as a {@link UserSessionFailure}.
 */
public class InvalidPasswordException extends IllegalArgumentException implements UserSessionFailure {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the password, for the user (never the password itself) */
    public InvalidPasswordException(String message) {
        super(message);
    }

    /** @return {@code invalid_password} */
    @Override
    public String errorCode() {
        return "invalid_password";
    }
}
