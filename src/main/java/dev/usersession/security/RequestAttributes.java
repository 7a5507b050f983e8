package dev.usersession.security;

import dev.usersession.FactorRefusedException;
import dev.usersession.errors.Failure;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * What the authentication mechanism tells the rest of the request through request attributes: why a login failed,
 * whether the presented session had expired, and the current session's CSRF token for forms.
 */
public final class RequestAttributes {

    static final String TOKEN = "dev.usersession.token";
    static final String RETRY_AFTER = "dev.usersession.retryAfter";
    static final String LOCKED = "dev.usersession.locked";
    static final String SESSION_LIMIT = "dev.usersession.sessionLimit";
    static final String EXPIRED = "dev.usersession.expired";
    static final String UNAVAILABLE = "dev.usersession.unavailable";
    static final String SECOND_FACTOR_PENDING = "dev.usersession.secondFactorPending";
    static final String FACTOR_REFUSED = "dev.usersession.factorRefused";
    static final String REMEMBER_ME_STOLEN = "dev.usersession.rememberMeStolen";
    static final String CROSS_SITE = "dev.usersession.crossSite";
    static final String STORE_FAILED = "dev.usersession.storeFailed";

    private RequestAttributes() {
    }

    /** @return the CSRF token of the request's session, to put in forms as the {@code X-CSRF-Token} header */
    public static Optional<String> csrfToken(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(TOKEN)).map(CsrfProtection::tokenFor);
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

    /** @return whether the request presented a copied "keep me signed in" cookie (everything of its user ended) */
    public static boolean rememberMeStolen(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(REMEMBER_ME_STOLEN));
    }

    /**
     * @return whether the request came from another site with the session's cookie and changes state: it was not
     *     authenticated, and is answered 403 before the application sees it
     */
    public static boolean crossSiteRefused(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(CROSS_SITE));
    }

    /**
     * @return the failure of the store that kept the mechanism from reading the request's session: the request was
     *     not authenticated, and is answered with this failure (503) before the application sees it
     */
    public static Optional<Failure> storeFailed(HttpServletRequest request) {
        return Optional.ofNullable((Failure) request.getAttribute(STORE_FAILED));
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
