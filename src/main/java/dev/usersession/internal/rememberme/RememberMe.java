package dev.usersession.internal.rememberme;

import dev.usersession.EndReason;
import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.admin.AuditEvent;
import dev.usersession.auth.RememberMeStolen;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.context.SessionLifecycle;
import dev.usersession.internal.context.SessionTokens;
import dev.usersession.internal.request.CurrentRequest;
import dev.usersession.internal.request.RawCookies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * "Keep me signed in" (opt-in at login): a long-lived cookie (the session cookie's name with {@code -remember}, same
 * attributes, {@code usersession.remember-me.lifetime}) holding a series and a token, both random, stored as SHA-256
 * ({@link JpaRememberMe}). A request without a live session that presents it gets a new session (which proves
 * nothing: it is AAL1 and never "recent") and a new token in the same series. The token before is still accepted for
 * {@code usersession.remember-me.grace} (parallel requests of one browser), without a new cookie, and after that for
 * as long as the current token has not come back (a request of the session opened with it, {@link #noteSeen}): the
 * response that carried it may have been lost, and the browser then gets another new token. The token before, once
 * the current one came back, and any older token of a live series mean the cookie was copied: the series, every other
 * series and every session of the user end, {@link RememberMeStolen} is fired, and that request is answered 401
 * {@code remember_me_stolen}. The series of a browser that bound its session to a key (device-bound sessions) opens
 * no session from its cookie alone ({@link Outcome#BOUND}), only once that browser proved its key again
 * ({@link #useBound}). Logout ends the browser's series; a password change, disabling or deleting the account and "sign
 * out everywhere" end the user's.
 */
@ApplicationScoped
public class RememberMe {

    private static final Logger LOG = Logger.getLogger(RememberMe.class.getName());
    private static final char SEPARATOR = '.';
    private static final int SEEN_TOKENS_KEPT = 10_000;

    /** Tokens this node has marked seen already, so that a session's requests write it once, not each time. */
    private final Set<String> seenTokens = ConcurrentHashMap.newKeySet();

    @Inject
    JpaRememberMe series;

    @Inject
    SessionLifecycle lifecycle;

    @Inject
    UserSessionConfig config;

    @Inject
    UserSessionClock clock;

    @Inject
    Event<RememberMeStolen> stolen;

    @Inject
    CurrentRequest currentRequest;

    @Inject
    AuditTrail audit;

    /** What a presented remember-me cookie gives. */
    public enum Outcome {
        /** No cookie, or one of no live series: nothing (the cookie is cleared). */
        NONE,
        /** A valid token: log the user in. */
        VALID,
        /** A stolen token: everything of the user ended. */
        STOLEN,
        /**
         * The series of a device-bound session: its cookie alone opens no session (a copy of it must not open an
         * unbound session elsewhere). The cookie is kept; nothing is rotated.
         */
        BOUND
    }

    /**
     * The result of presenting the cookie.
     *
     * @param outcome what it gives
     * @param userName whose series it is, for {@code VALID}
     */
    public record Use(Outcome outcome, String userName) {}

    /** @return whether the request carries a remember-me cookie (no query) */
    public boolean presented(HttpServletRequest request) {
        return cookie(request) != null;
    }

    /** Starts a series for a browser that just logged in with "keep me signed in". */
    public void issue(HttpServletRequest request, HttpServletResponse response, String userName) {
        forget(request, response);
        String seriesValue = SessionTokens.newToken();
        String token = SessionTokens.newToken();
        Instant now = clock.now();
        series.create(
                SessionTokens.hash(seriesValue),
                SessionTokens.hash(token),
                userName,
                now,
                now.plus(config.rememberMeLifetime()));
        setCookie(
                response,
                seriesValue + SEPARATOR + token,
                config.rememberMeLifetime().toSeconds());
    }

    /**
     * Uses the presented cookie: rotates its token; accepts the one before within the grace, or while the current one
     * never came back (the response that carried it was lost), or detects theft.
     */
    public Use use(HttpServletRequest request, HttpServletResponse response) {
        return use(request, response, null);
    }

    /**
     * As {@link #use(HttpServletRequest, HttpServletResponse)} for the series bound to a browser key, once the browser
     * proved that key: the presented cookie must be of that series.
     *
     * @param bound the bound series the browser proved its key for
     */
    public Use useBound(HttpServletRequest request, HttpServletResponse response, RememberedSeries bound) {
        return use(request, response, bound.series());
    }

    private Use use(HttpServletRequest request, HttpServletResponse response, String provedSeries) {
        String[] presented = cookie(request);
        if (presented == null) {
            return new Use(Outcome.NONE, null);
        }
        String seriesId = SessionTokens.hash(presented[0]);
        String tokenHash = SessionTokens.hash(presented[1]);
        Instant now = clock.now();
        Optional<RememberedSeries> found = series.find(seriesId).filter(live -> now.isBefore(live.expires()));
        if (found.isEmpty()) {
            clear(request, response);
            return new Use(Outcome.NONE, null);
        }
        // A bound series' cookie alone opens nothing, but its token is still checked: a copy that comes back after
        // the browser moved on is theft, bound or not.
        boolean keyRequired = found.get().bound()
                && !seriesId.equals(provedSeries)
                && config.deviceBinding() != UserSessionConfig.DeviceBindingMode.OFF;
        String token = SessionTokens.newToken();
        if (keyRequired && same(found.get().tokenHash(), tokenHash)) {
            return new Use(Outcome.BOUND, found.get().userName());
        }
        if (same(found.get().tokenHash(), tokenHash)
                && series.rotate(seriesId, tokenHash, SessionTokens.hash(token), now)) {
            setCookie(
                    response,
                    presented[0] + SEPARATOR + token,
                    config.rememberMeLifetime().toSeconds());
            return new Use(Outcome.VALID, found.get().userName());
        }
        RememberedSeries current = series.find(seriesId).orElse(found.get());
        if (same(current.previousTokenHash(), tokenHash)) {
            if (current.rotated() != null && !now.isAfter(current.rotated().plus(config.rememberMeGrace()))) {
                // a parallel request of the same browser
                return new Use(keyRequired ? Outcome.BOUND : Outcome.VALID, current.userName());
            }
            // A bound browser renews through its key (useBound), which reissues a token whose response was lost: the
            // token before, without the key and after the grace, is a copy.
            if (!keyRequired
                    && !current.tokenSeen()
                    && series.reissue(
                            seriesId,
                            current.tokenHash(),
                            tokenHash,
                            SessionTokens.hash(token),
                            now)) { // the response with the current token never arrived
                setCookie(
                        response,
                        presented[0] + SEPARATOR + token,
                        config.rememberMeLifetime().toSeconds());
                return new Use(Outcome.VALID, current.userName());
            }
        }
        theft(current.userName(), request);
        clear(request, response);
        return new Use(Outcome.STOLEN, current.userName());
    }

    /**
     * Records, once per token and node, that the browser of a live session sent the current token back: the response
     * that carried it arrived, so from now on the token before it is a copy.
     */
    public void noteSeen(HttpServletRequest request) {
        String[] presented = cookie(request);
        if (presented == null) {
            return;
        }
        String tokenHash = SessionTokens.hash(presented[1]);
        if (seenTokens.size() >= SEEN_TOKENS_KEPT) {
            seenTokens.clear(); // a bound, not a cache that must be right: a token forgotten is marked again
        }
        if (!seenTokens.contains(tokenHash)) {
            series.markSeen(SessionTokens.hash(presented[0]), tokenHash);
            seenTokens.add(tokenHash);
        }
    }

    /**
     * Binds the series of the request's cookie, when it is the user's and the cookie holds its current token, to the key
     * its browser just bound the session to: from now on that cookie alone opens no session ({@link Outcome#BOUND}),
     * while a copy of an older token is still taken as theft.
     */
    public void bind(HttpServletRequest request, String userName, String bindingId, String bindingKey) {
        String[] presented = cookie(request);
        if (presented != null
                && series.bind(
                        SessionTokens.hash(presented[0]),
                        SessionTokens.hash(presented[1]),
                        userName,
                        bindingId,
                        bindingKey)) {
            LOG.fine(() -> "The remembered browser of " + userName + " is bound to its key");
        }
    }

    /** @return the live series bound to the browser key of this binding, if any */
    public Optional<RememberedSeries> boundTo(String bindingId) {
        Instant now = clock.now();
        return series.findByBinding(bindingId).filter(live -> now.isBefore(live.expires()));
    }

    /** Sets the challenge the bound series' browser must sign next. */
    public void challenge(RememberedSeries bound, String challenge, Instant challengeExpiry) {
        series.challenge(bound.series(), challenge, challengeExpiry);
    }

    /** @return whether this call used up the challenge waiting on the bound series (once, on any node) */
    public boolean consumeChallenge(RememberedSeries bound, String challenge) {
        return series.consumeChallenge(bound.series(), challenge);
    }

    /** Ends the series of the request's cookie (a logout) and clears the cookie. */
    public void forget(HttpServletRequest request, HttpServletResponse response) {
        String[] presented = cookie(request);
        if (presented != null) {
            series.delete(SessionTokens.hash(presented[0]));
            clear(request, response);
        }
    }

    /** Ends every series of the user (a password change, a disabled or deleted account). */
    public void forgetAll(String userName) {
        series.deleteAllOf(userName, null);
    }

    /** Ends every series of the user but the current request's ("sign out everywhere else"). */
    public void forgetOthers(String userName) {
        String[] presented = currentRequest.get().map(this::cookie).orElse(null);
        series.deleteAllOf(userName, presented == null ? null : SessionTokens.hash(presented[0]));
    }

    private void theft(String userName, HttpServletRequest request) {
        LOG.warning("A used \"keep me signed in\" token of " + userName + " was presented again from "
                + request.getRemoteAddr() + ": ending all of the user's remembered browsers and sessions");
        series.deleteAllOf(userName, null);
        lifecycle.endAllFor(userName, EndReason.REVOKED, null);
        stolen.fire(new RememberMeStolen(userName, request.getRemoteAddr(), clock.now()));
        audit.record(AuditEvent.Type.REMEMBER_ME_STOLEN, userName, null, null);
    }

    private static boolean same(String storedHash, String presentedHash) {
        return storedHash != null
                && MessageDigest.isEqual(
                        storedHash.getBytes(StandardCharsets.US_ASCII),
                        presentedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private String[] cookie(HttpServletRequest request) {
        List<String> values = RawCookies.values(request, name());
        if (values.size() != 1) {
            return null;
        }
        String value = values.get(0);
        int separator = value.indexOf(SEPARATOR);
        if (separator < 0) {
            return null;
        }
        String seriesValue = value.substring(0, separator);
        String token = value.substring(separator + 1);
        return SessionTokens.isWellFormed(seriesValue) && SessionTokens.isWellFormed(token)
                ? new String[] {seriesValue, token}
                : null;
    }

    private void setCookie(HttpServletResponse response, String value, long maxAgeSeconds) {
        response.addHeader(
                "Set-Cookie",
                RawCookies.header(name(), value, maxAgeSeconds, config.cookieSecure(), config.cookieSameSite()));
    }

    private void clear(HttpServletRequest request, HttpServletResponse response) {
        String header = RawCookies.header(name(), "", 0, config.cookieSecure(), config.cookieSameSite());
        response.addHeader("Set-Cookie", header);
    }

    private String name() {
        return config.cookieName() + "-remember";
    }
}
