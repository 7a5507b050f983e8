package dev.usersession.security;

import dev.usersession.AssuranceLevel;
import dev.usersession.EndReason;
import dev.usersession.Factor;
import dev.usersession.IssuedSession;
import dev.usersession.SessionProofs;
import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.context.SessionLifecycle;
import dev.usersession.context.UserSessionManager;
import dev.usersession.spi.SessionRecord;
import dev.usersession.spi.UserSessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * {@code @UserSession} state for callers that the server or another mechanism authenticated (a server realm, Basic,
 * a form of the application's own), not the library. Such a caller's "session" is the library session that the
 * browser's session cookie names, as long as the container authenticates the same caller: the first authenticated
 * request without one opens it (and sets the cookie); a cookie of another caller's session ends that session and a new
 * one is opened; idle and absolute timeouts apply as always. The state is stored like any other, so it survives
 * restarts and moves between nodes. The session grants nothing by itself: who the caller is always comes from the
 * container.
 */
@ApplicationScoped
public class CallerSessions {

    @Inject
    SessionCookie cookie;

    @Inject
    SessionLifecycle lifecycle;

    @Inject
    UserSessionStore store;

    @Inject
    UserSessionManager manager;

    @Inject
    SessionAuthentication authentication;

    @Inject
    CallerGroups callerGroups;

    @Inject
    UserSessionClock clock;

    @Inject
    UserSessionConfig config;

    /** Binds the session of the request's authenticated caller, when the library did not authenticate it. */
    public void bind(HttpServletRequest request, HttpServletResponse response) {
        Principal caller = request.getUserPrincipal();
        if (caller == null || manager.current() != null || OtherPaths.contain(config, request)) {
            return; // under usersession.mechanism.other-paths (an API) callers stay stateless
        }
        PresentedToken presented = cookie.read(request);
        Instant now = clock.now();
        if (presented.kind() == PresentedToken.Kind.WELL_FORMED) {
            Optional<SessionRecord> live = lifecycle.live(presented.sessionId());
            if (live.isPresent() && live.get().userName().equals(caller.getName())) {
                authentication.touchWhenDue(live.get(), now);
                manager.begin(live.get());
                return;
            }
            live.ifPresent(other -> lifecycle.end(other.id(), EndReason.LOGOUT)); // another caller's: not carried over
        }
        Set<String> groups = callerGroups.of(caller.getName()).orElse(Set.of());
        IssuedSession issued = lifecycle.open(caller.getName(), groups, SessionLogin.client(request),
                SessionProofs.of(Factor.PASSWORD, now, AssuranceLevel.AAL1));
        Optional<SessionRecord> stored = store.find(issued.session().id());
        if (stored.isPresent()) {
            cookie.set(response, issued.token());
            manager.begin(stored.get());
        }
    }
}
