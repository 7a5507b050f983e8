package dev.usersession.internal.security;

import dev.usersession.EndReason;
import dev.usersession.SessionProofs;
import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.internal.context.SessionLifecycle;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.internal.devicebinding.DeviceBindings;
import dev.usersession.internal.errors.ErrorResponses;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.rememberme.RememberMe;
import dev.usersession.internal.request.CsrfProtection;
import dev.usersession.internal.request.RequestAttributes;
import dev.usersession.spi.SessionRecord;
import dev.usersession.spi.UserSessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates a request by its session token: checks the form, reads the session row by the token's hash (one
 * primary-key read), checks the timeouts from the stored times, refuses cross-site writes, moves the last access
 * forward when it has grown old, binds the session to the request, and tells the container who the caller is with
 * the name and groups stored in the session (no identity store is asked). Without a live session, a "keep me signed
 * in" cookie ({@link RememberMe}) opens a new one.
 */
@ApplicationScoped
public class SessionAuthentication {

    /** Where the library's login endpoint listens. */
    public static final String LOGIN_PATH = "/usersession/login";

    @Inject
    SessionCookie cookie;

    @Inject
    UserSessionStore store;

    @Inject
    SessionLifecycle lifecycle;

    @Inject
    UserSessionManager manager;

    @Inject
    CsrfProtection csrf;

    @Inject
    InvalidTokenLog invalidTokens;

    @Inject
    UserSessionConfig config;

    @Inject
    UserSessionClock clock;

    @Inject
    ErrorResponses errors;

    @Inject
    RememberMe rememberMe;

    @Inject
    CallerGroups callerGroups;

    @Inject
    SessionLogin login;

    @Inject
    DeviceBindings bindings;

    AuthenticationStatus authenticate(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        PresentedToken presented = cookie.read(request);
        if (isLoginEndpoint(request) || DeviceBindings.isEndpoint(request)) {
            return anonymous(context);
        }
        if (presented.kind() == PresentedToken.Kind.NONE) {
            return remembered(request, response, context);
        }
        if (presented.kind() == PresentedToken.Kind.MALFORMED) {
            return invalid(request, response, context, presented, "malformed token");
        }
        Optional<SessionRecord> found = store.find(presented.sessionId());
        if (found.isEmpty()) {
            return invalid(request, response, context, presented, "unknown token");
        }
        SessionRecord session = found.get();
        Instant now = clock.now();
        if (session.isExpiredAt(now)) {
            lifecycle.end(session.id(), EndReason.EXPIRED);
            request.setAttribute(RequestAttributes.EXPIRED, Boolean.TRUE);
            cookie.clear(response);
            return remembered(request, response, context);
        }
        if (presented.fromCookie() && !csrf.allows(request, presented.token())) {
            return Refusals.refuse(errors, request, response, context, Failure.CROSS_SITE);
        }
        if (bindings.check(request, session) == DeviceBindings.Check.REFUSED) {
            // A bound session without its bound cookie: a copied cookie, or a browser that renews it before it retries.
            // The session goes on for its browser; this request is anonymous, and no remember-me cookie stands in.
            return anonymous(context);
        }
        touchWhenDue(session, now);
        manager.begin(session);
        RequestAttributes.holdCsrfTokenOf(request, presented.token());
        if (presented.fromCookie()) {
            rememberMe.noteSeen(request); // the browser got the response that carried its remember-me token
        }
        return context.notifyContainerAboutLogin(session.userName(), session.groups());
    }

    /**
     * The login endpoint is not authenticated by the session: the container would otherwise skip the login that
     * follows for a caller it already knows. The login itself reads the old token to renew its session.
     */
    static boolean isLoginEndpoint(HttpServletRequest request) {
        String path = request.getServletPath();
        return LOGIN_PATH.equals(path) || path.startsWith(LOGIN_PATH + "/");
    }

    void touchWhenDue(SessionRecord session, Instant now) {
        Duration idle = config.idleTimeout();
        Duration age = Duration.between(session.lastAccess(), now);
        if (age.toMillis() >= (long) (idle.toMillis() * config.touchFraction())) {
            Instant idleExpiry = now.plus(idle);
            store.touch(
                    session.id(),
                    now,
                    idleExpiry.isBefore(session.absoluteExpiry()) ? idleExpiry : session.absoluteExpiry());
        }
    }

    private AuthenticationStatus invalid(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context,
            PresentedToken presented,
            String what) {
        invalidTokens.record(request.getRemoteAddr(), what);
        if (presented.fromCookie()) {
            cookie.clear(response);
        }
        return remembered(request, response, context);
    }

    /**
     * No live session: a "keep me signed in" cookie, when the browser has one, opens a new session (a state-changing
     * request must come from the application's own pages); a stolen one is answered 401. Else the caller is anonymous.
     */
    private AuthenticationStatus remembered(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (!rememberMe.presented(request)) {
            return anonymous(context);
        }
        if (!csrf.allows(request, null)) {
            return Refusals.refuse(errors, request, response, context, Failure.CROSS_SITE);
        }
        RememberMe.Use use = rememberMe.use(request, response);
        if (use.outcome() == RememberMe.Outcome.BOUND) {
            return anonymous(context); // only its browser's key could vouch for it
        }
        if (use.outcome() == RememberMe.Outcome.STOLEN) {
            Refusals.noteForFilter(request, Failure.REMEMBER_ME_STOLEN);
            return anonymous(context);
        }
        Optional<Set<String>> groups =
                use.outcome() == RememberMe.Outcome.VALID ? callerGroups.of(use.userName()) : Optional.empty();
        if (groups.isEmpty()) {
            if (use.outcome() == RememberMe.Outcome.VALID) { // the account was disabled or deleted meanwhile
                rememberMe.forget(request, response);
            }
            return anonymous(context);
        }
        return login.establish(
                request,
                response,
                context,
                use.userName(),
                groups.get(),
                SessionProofs.NONE,
                () -> true,
                "remember-me");
    }

    private static AuthenticationStatus anonymous(HttpMessageContext context) {
        return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
    }
}
