package dev.usersession.internal.errors;

import dev.usersession.NoUserSessionException;
import dev.usersession.UserSessionConflictException;
import dev.usersession.UserSessionFailure;
import dev.usersession.UserSessionNotFoundException;
import dev.usersession.UserSessionStoreException;
import dev.usersession.auth.AccessDeniedException;
import dev.usersession.auth.FactorRefusedException;
import dev.usersession.auth.NotLoggedInException;
import dev.usersession.auth.ReauthenticationRequiredException;
import dev.usersession.auth.SecondFactorRequiredException;
import dev.usersession.auth.SessionLimitReachedException;
import dev.usersession.auth.TooManyAttemptsException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The catalogue of the library's error responses: every status, code, sentence and {@code Retry-After} the library
 * answers with is built here, and {@link #of(Throwable)} tells which one a library exception stands for, by its error
 * code ({@link UserSessionFailure#errorCode()}): the code is the {@code error} of the answer, so one lookup serves
 * every exception, whatever its superclass. Exceptions that are not the library's (an application's own
 * {@code PersistenceException}, {@code OptimisticLockException} or anything else) stand for none: they are the
 * application's to answer.
 *
 * @param status the HTTP status
 * @param code a short machine-readable code
 * @param message a short sentence for people, never an exception's text
 * @param retryAfterSeconds the {@code Retry-After} header's value, or {@code null} for none
 */
public record Failure(int status, String code, String message, String retryAfterSeconds) {

    private static final Logger LOG = Logger.getLogger(Failure.class.getName());
    private static final int TOO_MANY_REQUESTS = 429;

    /** The library's store failed ({@link UserSessionStoreException}): 503, try again in 5 seconds. */
    public static final Failure UNAVAILABLE = new Failure(
            HttpServletResponse.SC_SERVICE_UNAVAILABLE,
            "unavailable",
            "The service is briefly unavailable. Please try again in a few seconds.",
            "5");
    /** Another request of the session changed the same state first ({@link UserSessionConflictException}). */
    public static final Failure CONFLICT = new Failure(
            HttpServletResponse.SC_CONFLICT,
            "conflict",
            "Another request changed the same data at the same time; nothing of this request was saved. "
                    + "Please try again.");
    /** A login past the cap on sessions per user, or {@link SessionLimitReachedException}. */
    public static final Failure SESSION_LIMIT = new Failure(
            HttpServletResponse.SC_CONFLICT,
            "session_limit",
            "You are signed in on too many devices. Sign out on one of them first.");
    /** No logged-in user ({@link NotLoggedInException}, {@link NoUserSessionException}). */
    public static final Failure NOT_LOGGED_IN =
            new Failure(HttpServletResponse.SC_UNAUTHORIZED, "not_logged_in", "Please sign in.");
    /** The user must prove who they are again ({@link ReauthenticationRequiredException}). */
    public static final Failure REAUTHENTICATION_REQUIRED = new Failure(
            HttpServletResponse.SC_UNAUTHORIZED,
            "reauthentication_required",
            "Please confirm it is you: sign in again to continue.");
    /** A second factor is needed ({@link SecondFactorRequiredException}, or a login waiting for its code). */
    public static final Failure SECOND_FACTOR_REQUIRED = new Failure(
            HttpServletResponse.SC_UNAUTHORIZED,
            "second_factor_required",
            "Please confirm it is you with your second factor.");
    /** The session ended while the request ran ({@link UserSessionNotFoundException}). */
    public static final Failure SESSION_ENDED = new Failure(
            HttpServletResponse.SC_UNAUTHORIZED, "session_ended", "Your session has ended. Please sign in again.");
    /** The caller lacks a role ({@link AccessDeniedException}). */
    public static final Failure FORBIDDEN =
            new Failure(HttpServletResponse.SC_FORBIDDEN, "forbidden", "You may not do this.");
    /** A state-changing request from another site. */
    public static final Failure CROSS_SITE = new Failure(
            HttpServletResponse.SC_FORBIDDEN,
            "cross_site_request",
            "This request came from another site and was refused");
    /** A login request without a user name or a password. */
    public static final Failure LOGIN_INCOMPLETE =
            new Failure(HttpServletResponse.SC_BAD_REQUEST, "bad_request", "Send a username and a password");
    /** A wrong user name or password (the same answer for both). */
    public static final Failure LOGIN_INVALID =
            new Failure(HttpServletResponse.SC_UNAUTHORIZED, "invalid", "Wrong user name or password.");
    /** A user name locked after 100 failed logins in a row. */
    public static final Failure LOGIN_LOCKED = new Failure(
            TOO_MANY_REQUESTS,
            "locked",
            "Too many failed attempts: signing in with this name is locked. Sign in from a device you used before, "
                    + "or ask for your password to be reset.");
    /** The caller has no session of that id. */
    public static final Failure NO_SUCH_SESSION =
            new Failure(HttpServletResponse.SC_NOT_FOUND, "not_found", "You have no such session");
    /** A used "keep me signed in" token came back: it was copied, and everything of the user was ended. */
    public static final Failure REMEMBER_ME_STOLEN = new Failure(
            HttpServletResponse.SC_UNAUTHORIZED,
            "remember_me_stolen",
            "Your saved sign-in was used on another device, so we signed you out everywhere. "
                    + "Please sign in again and change your password if you did not expect this.");
    /** The caller has no passkey of that id. */
    public static final Failure NO_SUCH_PASSKEY =
            new Failure(HttpServletResponse.SC_NOT_FOUND, "not_found", "You have no such passkey");
    /** An administrator asked for a session that does not exist (or ended). */
    public static final Failure NO_SESSION =
            new Failure(HttpServletResponse.SC_NOT_FOUND, "not_found", "There is no such session");
    /** An unknown action of the library's endpoints. */
    public static final Failure NO_SUCH_ACTION =
            new Failure(HttpServletResponse.SC_NOT_FOUND, "not_found", "No such action");

    /**
     * The application's other mechanism failed while signing a caller in (an OpenID Connect provider that cannot be
     * reached at the callback): no session was opened.
     */
    public static final Failure SIGN_IN_FAILED = new Failure(
            HttpServletResponse.SC_BAD_GATEWAY,
            "sign_in_failed",
            "Signing in could not be completed. Please try again later.");

    /**
     * A browser's proof of its key was refused at the device-binding endpoints (a wrong signature, key or algorithm, a
     * challenge not issued or used already, a malformed header): the browser drops that binding.
     */
    public static final Failure DEVICE_BINDING_REFUSED = new Failure(
            HttpServletResponse.SC_BAD_REQUEST,
            "device_binding_refused",
            "This browser's proof of its key was not accepted.");
    /**
     * A call that needs a session bound to its browser's key ({@code usersession.device-binding=required-for-level})
     * in a session that is not bound ({@link dev.usersession.auth.DeviceBindingRequiredException}).
     */
    public static final Failure DEVICE_BINDING_REQUIRED = new Failure(
            HttpServletResponse.SC_FORBIDDEN,
            "device_binding_required",
            "This needs a browser that keeps its sign-in bound to the device (such as Chrome on Windows).");

    /** A method the library's endpoint does not take (sent with {@code Allow}). */
    public static final Failure METHOD_NOT_ALLOWED = new Failure(
            HttpServletResponse.SC_METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "This address does not take this method; the Allow header names those it takes");

    // The answers to a refused factor, one per FactorRefusedException.Reason (named after it).
    private static final Failure MALFORMED_CODE = new Failure(
            HttpServletResponse.SC_BAD_REQUEST,
            "malformed_code",
            "Enter the code of your authenticator app or one of your recovery codes.");
    private static final Failure WRONG_CODE =
            new Failure(HttpServletResponse.SC_UNAUTHORIZED, "invalid_code", "That code is wrong or was used already.");
    private static final Failure NO_PENDING_STEP = new Failure(
            HttpServletResponse.SC_BAD_REQUEST, "no_pending_step", "This step has expired. Please start again.");
    private static final Failure ALREADY_ENABLED =
            new Failure(HttpServletResponse.SC_CONFLICT, "already_enabled", "One-time codes are already enabled.");
    private static final Failure NOT_ENABLED =
            new Failure(HttpServletResponse.SC_CONFLICT, "not_enabled", "One-time codes are not enabled.");
    private static final Failure MALFORMED_CREDENTIAL = new Failure(
            HttpServletResponse.SC_BAD_REQUEST, "malformed_credential", "The passkey response could not be read.");
    private static final Failure UNKNOWN_CREDENTIAL = new Failure(
            HttpServletResponse.SC_UNAUTHORIZED, "unknown_credential", "This passkey is not registered here.");
    private static final Failure CREDENTIAL_REFUSED = new Failure(
            HttpServletResponse.SC_UNAUTHORIZED, "credential_refused", "The passkey could not be verified.");
    private static final Failure CREDENTIAL_REPLAYED = new Failure(
            HttpServletResponse.SC_UNAUTHORIZED, "credential_replayed", "This passkey response was used before.");
    private static final Failure CREDENTIAL_EXISTS =
            new Failure(HttpServletResponse.SC_CONFLICT, "credential_exists", "This passkey is registered already.");

    private static final String INVALID_PASSWORD = "invalid_password";
    private static final String THROTTLED = "throttled";

    /** The one answer of each error code of the library's exceptions that is answered the same whatever its text. */
    private static final Map<String, Failure> FIXED_ANSWERS = Stream.of(
                    UNAVAILABLE,
                    CONFLICT,
                    SESSION_LIMIT,
                    NOT_LOGGED_IN,
                    REAUTHENTICATION_REQUIRED,
                    SECOND_FACTOR_REQUIRED,
                    DEVICE_BINDING_REQUIRED,
                    SESSION_ENDED,
                    FORBIDDEN,
                    MALFORMED_CODE,
                    WRONG_CODE,
                    NO_PENDING_STEP,
                    ALREADY_ENABLED,
                    NOT_ENABLED,
                    MALFORMED_CREDENTIAL,
                    UNKNOWN_CREDENTIAL,
                    CREDENTIAL_REFUSED,
                    CREDENTIAL_REPLAYED,
                    CREDENTIAL_EXISTS)
            .collect(Collectors.toUnmodifiableMap(Failure::code, Function.identity()));

    /**
     * The answers that take something of the exception: a broken password rule is answered with the exception's
     * sentence (written for the user), a refused attempt with its wait.
     */
    private static final Map<String, Function<Throwable, Failure>> DETAILED_ANSWERS = Map.of(
            INVALID_PASSWORD,
                    thrown -> new Failure(HttpServletResponse.SC_BAD_REQUEST, INVALID_PASSWORD, thrown.getMessage()),
            THROTTLED,
                    thrown -> thrown instanceof TooManyAttemptsException tooMany
                            ? throttled(tooMany.retryAfterSeconds())
                            : null);

    /** A failure without {@code Retry-After}. */
    public Failure(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** @return the answer to a login whose password is longer than any password can be (refused before hashing) */
    public static Failure passwordTooLong(int maximumLength) {
        return new Failure(
                HttpServletResponse.SC_BAD_REQUEST,
                "password_too_long",
                "A password has at most " + maximumLength + " characters");
    }

    /** @return the answer to a login whose user name is longer than any account's (refused before any counting) */
    public static Failure userNameTooLong(int maximumLength) {
        return new Failure(
                HttpServletResponse.SC_BAD_REQUEST,
                "user_name_too_long",
                "A user name has at most " + maximumLength + " characters");
    }

    /** @return 400 {@code bad_request}: the request's parameters cannot be used (the sentence says which) */
    public static Failure badRequest(String message) {
        return new Failure(HttpServletResponse.SC_BAD_REQUEST, "bad_request", message);
    }

    /** @return 429: too many failed attempts, try again after this many seconds */
    public static Failure throttled(long retryAfterSeconds) {
        return new Failure(
                TOO_MANY_REQUESTS,
                THROTTLED,
                "Too many failed attempts. Please wait " + retryAfterSeconds + " seconds.",
                String.valueOf(retryAfterSeconds));
    }

    /** @return this failure with a {@code Retry-After} of that many seconds */
    public Failure retryAfter(long seconds) {
        return new Failure(status, code, message, String.valueOf(seconds));
    }

    /** @return whether this is the library's store failing (503) */
    public boolean isUnavailable() {
        return code.equals(UNAVAILABLE.code);
    }

    /**
     * @return the failure that the library exception among the exception's causes (the outermost) stands for, or
     *     {@code null} when none of them is the library's
     */
    public static Failure of(Throwable thrown) {
        for (Throwable cause : Causes.of(thrown)) {
            Failure failure = cause instanceof UserSessionFailure libraryFailure
                    ? answer(cause, libraryFailure.errorCode())
                    : null;
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /**
     * Like {@link #of}, and logs an answered failure of the library's store at FINE, with its stack trace. The store
     * logs its outages itself, one line when it fails and one when it answers again (the JPA store's
     * {@code StoreOutageLog}), so that an outage under load does not write a stack trace per request.
     *
     * @param where what was being served (a request's URI)
     */
    public static Failure reported(Throwable thrown, String where) {
        Failure failure = of(thrown);
        if (failure != null && failure.isUnavailable() && LOG.isLoggable(Level.FINE)) {
            LOG.log(
                    Level.FINE,
                    "The session store failed while serving " + where + "; answered " + failure.status(),
                    thrown);
        }
        return failure;
    }

    /** @return whether the exception, or one of its causes, is a failure of the library's store */
    public static boolean isStoreFailure(Throwable thrown) {
        return Causes.find(thrown, UserSessionStoreException.class).isPresent();
    }

    /** @return the answer to a refused factor */
    public static Failure refused(FactorRefusedException.Reason reason) {
        return FIXED_ANSWERS.get(reason.errorCode());
    }

    /**
     * @return the answer to a library exception with that error code ({@code LibraryExceptionMappingTest} checks
     *     that every public exception's code has one), or {@code null} for a code the library does not answer
     */
    private static Failure answer(Throwable thrown, String errorCode) {
        Function<Throwable, Failure> detailed = DETAILED_ANSWERS.get(errorCode);
        return detailed != null ? detailed.apply(thrown) : FIXED_ANSWERS.get(errorCode);
    }
}
