package dev.usersession.internal.devicebinding;

import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.UserSessionConfig.DeviceBindingMode;
import dev.usersession.admin.AuditEvent;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.context.SessionTokens;
import dev.usersession.internal.errors.ErrorResponses;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.metrics.SessionMetrics;
import dev.usersession.internal.rememberme.RememberMe;
import dev.usersession.internal.rememberme.RememberedSeries;
import dev.usersession.internal.request.RawCookies;
import dev.usersession.spi.DeviceBinding;
import dev.usersession.spi.SessionRecord;
import dev.usersession.spi.UserSessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Binds sessions to a key their browser keeps (Device Bound Session Credentials, W3C WebAppSec draft, as Chromium
 * ships it). A login offers it ({@link #offer}: {@code Secure-Session-Registration} with a challenge stored on the
 * session); the browser registers its public key at {@link #REGISTER_PATH} with a signed proof over that challenge,
 * and gets a short-lived bound cookie ({@code usersession.device-binding.cookie-lifetime}) and the session's
 * instructions. From then on every request of the session needs that cookie as well ({@link #check}); before it
 * expires the browser asks {@link #REFRESH_PATH} for a challenge (403 {@code Secure-Session-Challenge}) and answers it
 * signed with the same key, for a new bound cookie. Challenges are single-use (a conditional update on the session's
 * row, so on any node) and live {@link #CHALLENGE_LIFETIME}. Answers follow what the browser does with them: 403 asks
 * it to sign a challenge, another 4xx ends its binding, a 5xx (the store down) keeps it, and {@code continue: false}
 * ends it once the session has ended. A "keep me signed in" series presented at registration is bound to the same key
 * ({@link RememberMe#bind}): its cookie alone then no longer opens a session anywhere; once the session has timed out,
 * the browser's refresh, signed with that key, opens the new one.
 */
@ApplicationScoped
public class DeviceBindings {

    /** Where a browser registers its key. */
    public static final String REGISTER_PATH = "/usersession/device-binding/register";
    /** Where a browser renews its bound cookie. */
    public static final String REFRESH_PATH = "/usersession/device-binding/refresh";
    /** How long a registration or refresh challenge is accepted. */
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    /** With {@code usersession.device-binding=required}: how long a new session may be used before it is bound. */
    public static final Duration REGISTRATION_WINDOW = Duration.ofMinutes(2);
    /**
     * How long after the registration a request without any bound cookie is still accepted: Chromium does not hold
     * requests back while it registers, so the pages that follow a login race the registration's answer.
     */
    static final Duration REGISTRATION_GRACE = Duration.ofSeconds(10);
    /** How long the bound cookie before a refresh is still accepted (requests the browser sent before it). */
    static final Duration PREVIOUS_COOKIE_GRACE = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(DeviceBindings.class.getName());
    private static final String RESPONSE_HEADER = "Secure-Session-Response";
    private static final String SESSION_ID_HEADER = "Sec-Secure-Session-Id";

    /** What {@link #check} found. */
    public enum Check {
        /** The session is bound and its bound cookie is valid, or it need not be bound. */
        ADMITTED,
        /** The session is bound and the request lacks a valid bound cookie, or it should be bound and is not. */
        REFUSED
    }

    @Inject
    UserSessionStore store;

    @Inject
    UserSessionConfig config;

    @Inject
    UserSessionClock clock;

    @Inject
    RememberMe rememberMe;

    @Inject
    AuditTrail audit;

    @Inject
    SessionMetrics metrics;

    @Inject
    ErrorResponses errors;

    private volatile boolean storeCannotBind;

    /** @return whether the endpoints take this request ({@link #REGISTER_PATH}, {@link #REFRESH_PATH}) */
    public static boolean isEndpoint(HttpServletRequest request) {
        String path = pathOf(request);
        return REGISTER_PATH.equals(path) || REFRESH_PATH.equals(path);
    }

    /** @return the request's path within the application */
    public static String pathOf(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /**
     * Offers the browser to bind the session just opened: stores a registration challenge on it and sends
     * {@code Secure-Session-Registration}. Browsers without DBSC ignore the header; Chromium ignores it over http.
     */
    public void offer(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        if (config.deviceBinding() == DeviceBindingMode.OFF || storeCannotBind) {
            return;
        }
        String challenge = SessionTokens.newToken();
        try {
            if (!store.challengeBinding(sessionId, challenge, clock.now().plus(CHALLENGE_LIFETIME))) {
                return;
            }
        } catch (UnsupportedOperationException e) {
            storeCannotBind = true;
            LOG.warning("The session store " + store.getClass().getName() + " cannot bind sessions to browser keys: "
                    + "usersession.device-binding is off for this application");
            return;
        }
        response.setHeader(
                "Secure-Session-Registration",
                "(ES256 RS256);path=\"" + request.getContextPath() + REGISTER_PATH + "\";challenge=\"" + challenge
                        + "\";authorization=\"" + authorization(challenge) + "\"");
    }

    /** @return whether the request may go on in this session, as far as its binding is concerned */
    public Check check(HttpServletRequest request, SessionRecord session) {
        DeviceBindingMode mode = config.deviceBinding();
        if (mode == DeviceBindingMode.OFF || storeCannotBind) {
            return Check.ADMITTED;
        }
        Instant now = clock.now();
        DeviceBinding binding = session.binding();
        if (!binding.isBound()) {
            boolean late = mode == DeviceBindingMode.REQUIRED
                    && !now.isBefore(session.created().plus(REGISTRATION_WINDOW));
            return late ? refused() : Check.ADMITTED;
        }
        List<String> values = RawCookies.values(request, boundCookieName());
        if (values.isEmpty()
                && binding.boundAt() != null
                && now.isBefore(binding.boundAt().plus(REGISTRATION_GRACE))) {
            return Check.ADMITTED; // sent while the registration was in flight: the browser did not hold it back
        }
        if (values.size() != 1 || !SessionTokens.isWellFormed(values.get(0)) || binding.cookieExpiry() == null) {
            return refused();
        }
        String presented = SessionTokens.hash(values.get(0));
        if (same(binding.cookieHash(), presented) && now.isBefore(binding.cookieExpiry())) {
            return Check.ADMITTED;
        }
        Instant refreshed = binding.cookieExpiry().minus(config.boundCookieLifetime());
        if (same(binding.previousCookieHash(), presented) && now.isBefore(refreshed.plus(PREVIOUS_COOKIE_GRACE))) {
            return Check.ADMITTED;
        }
        return refused();
    }

    private Check refused() {
        metrics.deviceBinding("request_refused");
        return Check.REFUSED;
    }

    /**
     * Registers the browser's key for the session of the request's session cookie ({@link #REGISTER_PATH}): the
     * proof must be signed by the key it carries, over the challenge offered to this session, with the authorization
     * sent beside it. Answers the session's instructions and the first bound cookie, or 400
     * {@code device_binding_refused} (the browser then keeps the session unbound).
     *
     * @param sessionId the id of the session the request's cookie names, or {@code null}
     */
    public void register(HttpServletRequest request, HttpServletResponse response, String sessionId)
            throws IOException {
        Instant now = clock.now();
        Optional<SessionRecord> found = sessionId == null
                ? Optional.empty()
                : store.find(sessionId).filter(session -> !session.isExpiredAt(now));
        String userName = found.map(SessionRecord::userName).orElse(null);
        BindingProof proof;
        try {
            proof = BindingProof.ofRegistration(StructuredHeader.value(request.getHeader(RESPONSE_HEADER)));
        } catch (BindingRefusedException e) {
            refuse(request, response, userName, sessionId, "registration: " + e.getMessage());
            return;
        }
        if (found.isEmpty()) {
            refuse(request, response, null, sessionId, "registration: no live session");
            return;
        }
        if (!bindsSessions()) {
            refuse(request, response, userName, sessionId, "registration: device binding is off");
            return;
        }
        SessionRecord session = found.get();
        DeviceBinding current = session.binding();
        if (current.isBound() || !current.challengeIs(proof.challenge(), now)) {
            refuse(request, response, userName, session.id(), "registration: a challenge not offered to this session");
            return;
        }
        if (!authorization(proof.challenge()).equals(proof.authorization())) {
            refuse(request, response, userName, session.id(), "registration: a wrong authorization");
            return;
        }
        String cookie = SessionTokens.newToken();
        DeviceBinding bound = new DeviceBinding(
                null,
                null,
                SessionTokens.newToken(),
                proof.key().canonicalJson(),
                now,
                SessionTokens.hash(cookie),
                null,
                now.plus(config.boundCookieLifetime()));
        if (!store.updateBinding(session.id(), proof.challenge(), bound)) {
            refuse(request, response, userName, session.id(), "registration: the challenge was used already");
            return;
        }
        rememberMe.bind(request, userName, bound.id(), bound.publicKey());
        audit.record(AuditEvent.Type.DEVICE_BOUND, userName, session.id(), proof.algorithm());
        metrics.deviceBinding("registered");
        answer(request, response, bound.id(), cookie, true);
    }

    /**
     * Renews the bound cookie ({@link #REFRESH_PATH}): without a proof, 403 with a new challenge; with a proof by the
     * bound key over the challenge waiting, 200 with the instructions and a new bound cookie. A challenge that is not
     * (or no longer) the waiting one gets a new challenge; a proof that does not verify with the bound key is 400 (the
     * browser ends that binding); a binding whose session ended is answered {@code continue: false}.
     */
    public void refresh(
            HttpServletRequest request,
            HttpServletResponse response,
            String presentedSessionId,
            RememberedSessionOpener opener)
            throws IOException {
        String bindingId = StructuredHeader.value(request.getHeader(SESSION_ID_HEADER));
        if (bindingId == null) {
            refuse(request, response, null, null, "refresh: no session identifier");
            return;
        }
        Instant now = clock.now();
        if (!bindsSessions()) {
            answer(request, response, bindingId, null, false); // binding was turned off: the browser forgets it
            return;
        }
        Optional<SessionRecord> found;
        try {
            found = store.findByBinding(bindingId).filter(session -> !session.isExpiredAt(now));
        } catch (UnsupportedOperationException e) { // a store of the application's own that cannot bind
            storeCannotBind = true;
            answer(request, response, bindingId, null, false);
            return;
        }
        if (found.isEmpty()) {
            Optional<RememberedSeries> remembered = rememberMe.boundTo(bindingId);
            if (remembered.isPresent()
                    && !hasLiveSession(presentedSessionId, remembered.get().userName(), now)) {
                restore(request, response, bindingId, remembered.get(), opener, now);
            } else {
                answer(request, response, bindingId, null, false);
            }
            return;
        }
        SessionRecord session = found.get();
        String header = request.getHeader(RESPONSE_HEADER);
        if (header == null) {
            challenge(response, session, bindingId, now);
            return;
        }
        BindingProof proof;
        try {
            proof = BindingProof.ofRefresh(
                    StructuredHeader.value(header),
                    BrowserKey.stored(session.binding().publicKey()));
        } catch (BindingRefusedException e) {
            refuse(request, response, session.userName(), session.id(), "refresh: " + e.getMessage());
            return;
        }
        DeviceBinding current = session.binding();
        if (!current.challengeIs(proof.challenge(), now)) {
            challenge(response, session, bindingId, now); // a stale challenge, or one another refresh answered first
            return;
        }
        String cookie = SessionTokens.newToken();
        DeviceBinding renewed = new DeviceBinding(
                null,
                null,
                current.id(),
                current.publicKey(),
                current.boundAt(),
                SessionTokens.hash(cookie),
                // the cookie before stays good for requests already sent, unless it had expired: a copy never revives
                current.cookieExpiry() != null && now.isBefore(current.cookieExpiry()) ? current.cookieHash() : null,
                now.plus(config.boundCookieLifetime()));
        if (!store.updateBinding(session.id(), proof.challenge(), renewed)) {
            challenge(response, session, bindingId, now);
            return;
        }
        metrics.deviceBinding("refreshed");
        answer(request, response, bindingId, cookie, true);
    }

    /**
     * @return whether binding is on and the store can keep it; a store that cannot is found at the first offer
     */
    private boolean bindsSessions() {
        return config.deviceBinding() != DeviceBindingMode.OFF && !storeCannotBind;
    }

    /**
     * @return whether the request's session cookie names a live session of this user: its browser signed in again
     *     (a new login ended the binding of the old session), so an old binding must not open another session
     */
    private boolean hasLiveSession(String sessionId, String userName, Instant now) {
        return sessionId != null
                && store.find(sessionId)
                        .filter(session ->
                                !session.isExpiredAt(now) && session.userName().equals(userName))
                        .isPresent();
    }

    /**
     * The session of a remembered browser ended (timed out): the browser's proof by the key its "keep me signed in"
     * series is bound to opens a new session bound to the same key, as a remember-me cookie opens one for a browser
     * without binding. Without a proof, 403 with a challenge stored on the series; a wrong proof is refused; a
     * series whose cookie is not presented, or whose user may no longer sign in, ends the browser's binding; so does a
     * browser that signed in again meanwhile (its session cookie names a live session of the user).
     */
    private void restore(
            HttpServletRequest request,
            HttpServletResponse response,
            String bindingId,
            RememberedSeries remembered,
            RememberedSessionOpener opener,
            Instant now)
            throws IOException {
        String header = request.getHeader(RESPONSE_HEADER);
        if (header == null) {
            String challenge = SessionTokens.newToken();
            rememberMe.challenge(remembered, challenge, now.plus(CHALLENGE_LIFETIME));
            askToSign(response, challenge, bindingId);
            return;
        }
        BindingProof proof;
        try {
            proof = BindingProof.ofRefresh(
                    StructuredHeader.value(header),
                    BrowserKey.stored(remembered.binding().publicKey()));
        } catch (BindingRefusedException e) {
            refuse(request, response, remembered.userName(), null, "restore: " + e.getMessage());
            return;
        }
        if (!remembered.binding().challengeIs(proof.challenge(), now)
                || !rememberMe.consumeChallenge(remembered, proof.challenge())) {
            String challenge = SessionTokens.newToken();
            rememberMe.challenge(remembered, challenge, now.plus(CHALLENGE_LIFETIME));
            askToSign(response, challenge, bindingId);
            return;
        }
        RememberMe.Use use = rememberMe.useBound(request, response, remembered);
        if (use.outcome() != RememberMe.Outcome.VALID || !remembered.userName().equals(use.userName())) {
            answer(request, response, bindingId, null, false); // not this series' current cookie, or a copy of it
            return;
        }
        String cookie = SessionTokens.newToken();
        DeviceBinding bound = new DeviceBinding(
                null,
                null,
                bindingId,
                remembered.binding().publicKey(),
                now,
                SessionTokens.hash(cookie),
                null,
                now.plus(config.boundCookieLifetime()));
        Optional<String> opened = opener.open(use.userName(), bound); // stored bound: no moment without its key
        if (opened.isEmpty()) {
            rememberMe.forget(request, response); // the account was disabled or deleted meanwhile, or the cap refused
            answer(request, response, bindingId, null, false);
            return;
        }
        audit.record(AuditEvent.Type.DEVICE_BOUND, remembered.userName(), opened.get(), "restored by its key");
        metrics.deviceBinding("restored");
        answer(request, response, bindingId, cookie, true);
    }

    private void challenge(HttpServletResponse response, SessionRecord session, String bindingId, Instant now) {
        String challenge = SessionTokens.newToken();
        store.challengeBinding(session.id(), challenge, now.plus(CHALLENGE_LIFETIME));
        askToSign(response, challenge, bindingId);
    }

    private static void askToSign(HttpServletResponse response, String challenge, String bindingId) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Secure-Session-Challenge", "\"" + challenge + "\";id=\"" + bindingId + "\"");
    }

    private void refuse(
            HttpServletRequest request, HttpServletResponse response, String userName, String sessionId, String why) {
        audit.record(AuditEvent.Type.DEVICE_BINDING_REFUSED, userName, sessionId, why);
        metrics.deviceBinding("proof_refused");
        errors.write(request, response, Failure.DEVICE_BINDING_REFUSED);
    }

    /**
     * Writes the session instructions (and the bound cookie, when {@code cookie} is given); {@code continue: false}
     * when the session has ended.
     */
    private void answer(
            HttpServletRequest request, HttpServletResponse response, String bindingId, String cookie, boolean goesOn)
            throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (cookie != null) {
            response.addHeader(
                    "Set-Cookie",
                    RawCookies.header(
                            boundCookieName(),
                            cookie,
                            config.boundCookieLifetime().toSeconds(),
                            config.cookieSecure(),
                            config.cookieSameSite()));
        }
        JsonObjectBuilder scope = Json.createObjectBuilder()
                .add("origin", origin(request))
                .add("include_site", false)
                .add("scope_specification", Json.createArrayBuilder());
        JsonObjectBuilder credential = Json.createObjectBuilder()
                .add("type", "cookie")
                .add("name", boundCookieName())
                .add("attributes", cookieAttributes());
        JsonObjectBuilder instructions = Json.createObjectBuilder()
                .add("session_identifier", bindingId)
                .add("refresh_url", request.getContextPath() + REFRESH_PATH)
                .add("scope", scope)
                .add("credentials", Json.createArrayBuilder().add(credential));
        if (!goesOn) {
            instructions.add("continue", false);
        }
        byte[] body = instructions.build().toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** @return the bound cookie's name: the session cookie's with {@code -bound} */
    public String boundCookieName() {
        return config.cookieName() + "-bound";
    }

    /** The attributes of the bound cookie as the instructions name them: those its {@code Set-Cookie} carries. */
    private String cookieAttributes() {
        return "Path=/" + (config.cookieSecure() ? "; Secure" : "") + "; HttpOnly; SameSite=" + config.cookieSameSite();
    }

    private static String origin(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    /**
     * The registration's {@code authorization}: derived from its challenge, so that it needs no storage of its own,
     * and checked as sent.
     */
    private static String authorization(String challenge) {
        return SessionTokens.hash("device-binding:" + challenge).substring(0, 22);
    }

    private static boolean same(String stored, String presented) {
        return stored != null
                && MessageDigest.isEqual(
                        stored.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }
}
