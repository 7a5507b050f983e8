package dev.usersession.internal.security;

import dev.usersession.EndReason;
import dev.usersession.IssuedSession;
import dev.usersession.SessionProofs;
import dev.usersession.UserSessionClock;
import dev.usersession.internal.context.SessionLifecycle;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.internal.request.CsrfProtection;
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
 * a form of the application's own) when the library's mechanism is switched off
 * ({@code usersession.mechanism.enabled=false}; with it on, another mechanism's logins on pages open a library session
 * through {@code SessionOpeningContext}, and its other paths stay stateless). Such a caller's "session" is the library
 * session that the
 * browser's session cookie names, as long as the container authenticates the same caller: the first authenticated
 * request without one opens it (and sets the cookie); a cookie of another caller's session ends that session and a new
 * one is opened; idle and absolute timeouts apply as always. The state is stored like any other, so it survives
 * restarts and moves between nodes. The session grants nothing by itself: who the caller is always comes from the
 * container. A user who has a second factor gets no session unless the application says the container's login
 * included one ({@link OtherMechanismSessions}): such a caller has no {@code @UserSession} state and passes no
 * {@code @RequiresLogin}.
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
    CsrfProtection csrf;

    @Inject
    OtherMechanismSessions otherMechanismSessions;

    /**
     * Binds the session of the request's authenticated caller, when the library did not authenticate it.
     *
     * @return false when the request is a state-changing one from another site (answer 403, bind nothing)
     */
    public boolean bind(HttpServletRequest request, HttpServletResponse response) {
        Principal caller = request.getUserPrincipal();
        if (caller == null || manager.current() != null) {
            return true;
        }
        PresentedToken presented = cookie.read(request);
        if (!csrf.allows(request, presented.kind() == PresentedToken.Kind.WELL_FORMED ? presented.token() : null)) {
            return false; // the caller's server login or Basic credentials travel with cross-site requests too
        }
        Instant now = clock.now();
        if (presented.kind() == PresentedToken.Kind.WELL_FORMED) {
            Optional<SessionRecord> live = lifecycle.live(presented.sessionId());
            if (live.isPresent()
                    && live.get().userName().equals(caller.getName())
                    && otherMechanismSessions.mayContinue(
                            caller.getName(), live.get().proofs())) {
                authentication.touchWhenDue(live.get(), now);
                manager.begin(live.get());
                return true;
            }
            if (live.isPresent() && !live.get().userName().equals(caller.getName())) {
                lifecycle.end(live.get().id(), EndReason.LOGOUT); // another caller's: not carried over
            } else if (live.isPresent()) {
                lifecycle.end(live.get().id(), EndReason.REVOKED); // the user's, without the second factor they have
            }
        }
        // What the container checked, and when, is what the application says it is (else nothing: never "recent");
        // a user with a second factor that the container's login did not include gets no session.
        Optional<SessionProofs> proofs = otherMechanismSessions.proofsOf(caller.getName(), request);
        if (proofs.isEmpty()) {
            return true;
        }
        Set<String> groups = callerGroups.of(caller.getName()).orElse(Set.of());
        IssuedSession issued = lifecycle.open(caller.getName(), groups, SessionLogin.client(request), proofs.get());
        Optional<SessionRecord> stored = store.find(issued.session().id());
        if (stored.isPresent()) {
            cookie.set(response, issued.token());
            manager.begin(stored.get());
        }
        return true;
    }
}
