package dev.usersession.web;

import dev.usersession.AccessDeniedException;
import dev.usersession.InvalidPasswordException;
import dev.usersession.NoUserSessionException;
import dev.usersession.NotLoggedInException;
import dev.usersession.SessionLimitReachedException;
import dev.usersession.TooManyAttemptsException;
import dev.usersession.UserSessionConflictException;
import dev.usersession.UserSessionNotFoundException;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;

/**
 * The response a library exception (or a database failure) stands for.
 *
 * @param status the HTTP status
 * @param code a short machine-readable code
 * @param message a short sentence for people
 * @param retryAfterSeconds the {@code Retry-After} header's value, or {@code null} for none
 */
public record Failure(int status, String code, String message, String retryAfterSeconds) {

    /** Seconds to wait after a database failure. */
    private static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    /** A failure without {@code Retry-After}. */
    public Failure(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** @return the failure the exception or one of its causes stands for, or {@code null} for any other error */
    public static Failure of(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Failure failure = direct(cause);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /** @return whether the exception comes from a database that failed or could not be reached */
    public static boolean isDatabaseFailure(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PersistenceException || cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static Failure direct(Throwable cause) {
        if (cause instanceof UserSessionConflictException) {
            return new Failure(HttpServletResponse.SC_CONFLICT, "conflict", "Another request changed the same data "
                    + "at the same time; nothing of this request was saved. Please try again.");
        }
        if (cause instanceof SessionLimitReachedException) {
            return new Failure(HttpServletResponse.SC_CONFLICT, "session_limit",
                    "You are signed in on too many devices. Sign out on one of them first.");
        }
        if (cause instanceof NotLoggedInException || cause instanceof NoUserSessionException) {
            return new Failure(HttpServletResponse.SC_UNAUTHORIZED, "not_logged_in", "Please sign in.");
        }
        if (cause instanceof UserSessionNotFoundException) {
            return new Failure(HttpServletResponse.SC_UNAUTHORIZED, "session_ended",
                    "Your session has ended. Please sign in again.");
        }
        if (cause instanceof InvalidPasswordException) {
            return new Failure(HttpServletResponse.SC_BAD_REQUEST, "invalid_password", cause.getMessage());
        }
        if (cause instanceof AccessDeniedException) {
            return new Failure(HttpServletResponse.SC_FORBIDDEN, "forbidden", "You may not do this.");
        }
        if (cause instanceof TooManyAttemptsException tooMany) {
            return new Failure(429, "throttled", "Too many failed attempts. Please wait "
                    + tooMany.retryAfterSeconds() + " seconds.", String.valueOf(tooMany.retryAfterSeconds()));
        }
        if (cause instanceof PersistenceException || cause instanceof SQLException) {
            return new Failure(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "unavailable",
                    "The service is briefly unavailable. Please try again in a few seconds.",
                    DATABASE_RETRY_AFTER_SECONDS);
        }
        return null;
    }
}
