package dev.usersession.internal.request;

import dev.usersession.auth.FactorRefusedException;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.security.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * What the authentication mechanism tells the rest of the request through request attributes: why a login failed,
 * whether the presented session had expired, and the current session's CSRF token for forms.
 */
public final class RequestAttributes {

    /**
     * The CSRF token derived from the session's token. Never the session's token itself: attribute dumps, debug
     * pages and development error pages show attributes, and the token alone is the session.
     */
    public static final String CSRF_TOKEN = "dev.usersession.csrfToken";

    public static final String RETRY_AFTER = "dev.usersession.retryAfter";
    public static final String LOCKED = "dev.usersession.locked";
    public static final String SESSION_LIMIT = "dev.usersession.sessionLimit";
    public static final String EXPIRED = "dev.usersession.expired";
    public static final String UNAVAILABLE = "dev.usersession.unavailable";
    public static final String SECOND_FACTOR_PENDING = "dev.usersession.secondFactorPending";
    public static final String FACTOR_REFUSED = "dev.usersession.factorRefused";
    public static final String REFUSAL = "dev.usersession.refusal";

    private RequestAttributes() {}

    /** @return the CSRF token of the request's session, to put in forms as the {@code X-CSRF-Token} header */
    public static Optional<String> csrfToken(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(CSRF_TOKEN));
    }

    /** Keeps the CSRF token of the session that {@code sessionToken} opens for the rest of the request. */
    public static void holdCsrfTokenOf(HttpServletRequest request, String sessionToken) {
        request.setAttribute(CSRF_TOKEN, CsrfProtection.tokenFor(sessionToken));
    }

    /** @return how long to wait, when the login failed because the account waits after repeated failures */
    public static Optional<Duration> loginRetryAfter(HttpServletRequest request) {
        return Optional.ofNullable((Duration) request.getAttribute(RETRY_AFTER));
    }

    /**
     * @return whether the login was refused because its name is locked after 100 failures in a row (only a trusted
     *     device's login or a reset ends that)
     */
    public static boolean loginLocked(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(LOCKED));
    }

    /** @return whether the login failed because the user has the most sessions allowed */
    public static boolean loginRefusedBySessionLimit(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(SESSION_LIMIT));
    }

    /** @return whether the login failed because the database could not be reached */
    public static boolean loginUnavailable(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(UNAVAILABLE));
    }

    /**
     * @return the answer the mechanism decided for a request it did not authenticate (see {@link Refusals}): a copied
     *     "keep me signed in" cookie, a state-changing request from another site, or a store that failed while it
     *     read the session; the library's filter answers it before the application sees the request
     */
    public static Optional<Failure> refusal(HttpServletRequest request) {
        return Optional.ofNullable((Failure) request.getAttribute(REFUSAL));
    }

    /** @return whether the password was right and the login now waits for a second factor */
    public static boolean secondFactorPending(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(SECOND_FACTOR_PENDING));
    }

    /** @return why a code or passkey that was to complete a login was refused */
    public static Optional<FactorRefusedException.Reason> factorRefused(HttpServletRequest request) {
        return Optional.ofNullable((FactorRefusedException.Reason) request.getAttribute(FACTOR_REFUSED));
    }

    /** @return whether the request presented a session that had expired (to tell the user so) */
    public static boolean sessionExpired(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(EXPIRED));
    }
}
