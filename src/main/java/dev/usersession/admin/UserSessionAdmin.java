package dev.usersession.admin;

import dev.usersession.EndReason;
import dev.usersession.UserSession;
import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionInfo;
import dev.usersession.UserSessions;
import dev.usersession.auth.AccessDeniedException;
import dev.usersession.auth.NotLoggedInException;
import dev.usersession.auth.ReauthenticationRequiredException;
import dev.usersession.auth.SecondFactorRequiredException;
import dev.usersession.internal.context.UserSessionExtension;
import dev.usersession.internal.operations.PageCursor;
import dev.usersession.internal.operations.RedactedState;
import dev.usersession.internal.security.AdminAccess;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.state.AdminVisibleFields;
import dev.usersession.spi.BeanStateRecord;
import dev.usersession.spi.SessionRecord;
import dev.usersession.spi.SessionSearch;
import dev.usersession.spi.UserSessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an administrator does with other users' sessions: find them (by user name prefix, client, age; page by page,
 * newest first, at the same cost on any page of a million rows), look at the state a session's {@code @UserSession}
 * beans stored, end one session or all of a user's. The library's {@code /usersession/admin} endpoints are built on
 * it. Inject it anywhere ({@code @Inject UserSessionAdmin admin;}).
 *
 * <p>Every method needs an administrator who proved who they are recently, checked on every call: a library session
 * (else {@link NotLoggedInException}); the group {@code usersession.admin.role} (default {@code usersession-admin}) in
 * the identity store's current answer for the caller, not in the groups the session copied at login (else
 * {@link AccessDeniedException}); a proof of identity from the last {@code usersession.admin.recent} (default 15
 * minutes; else {@link ReauthenticationRequiredException}, so a session restored by "keep me signed in" is refused
 * until the administrator re-authenticates); and, for an administrator with one-time codes, AAL2 with a second factor
 * proved within that window (else {@link SecondFactorRequiredException}). Looking at stored state and ending sessions
 * are audited ({@link AuditEvent}, with the administrator as the actor). Nothing it returns holds a token: a session's
 * id is the SHA-256 of its token.
 */
@ApplicationScoped
public class UserSessionAdmin {

    @Inject
    UserSessions sessions;

    @Inject
    UserSessionStore store;

    @Inject
    UserSessionClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    AdminAccess access;

    @Inject
    UserSessionExtension extension;

    /**
     * @return one page of live sessions that match the query, newest first
     * @throws IllegalArgumentException when the query's cursor is not one this API made
     */
    public SessionPage find(SessionQuery query) {
        requireAdmin();
        Instant now = clock.now();
        PageCursor after = query.after().isEmpty() ? null : PageCursor.decode(query.after());
        List<SessionRecord> found = store.search(new SessionSearch(query.userNamePrefix(), query.clientContains(),
                query.olderThan() == null ? null : now.minus(query.olderThan()),
                after == null ? null : after.created(), after == null ? null : after.id(), query.limit() + 1), now);
        List<UserSessionInfo> page = found.stream().limit(query.limit()).map(SessionRecord::toInfo).toList();
        Optional<String> next = found.size() > query.limit()
                ? Optional.of(new PageCursor(page.get(page.size() - 1).created(), page.get(page.size() - 1).id())
                        .encode())
                : Optional.empty();
        return new SessionPage(page, next);
    }

    /** @return the live session with this id */
    public Optional<UserSessionInfo> session(String sessionId) {
        requireAdmin();
        return sessions.find(sessionId);
    }

    /**
     * Shows what a session's beans stored, by bean class: the values of the fields the application marked
     * {@link AdminVisible}, and the names and sizes of the others (see {@link RedactedState}). A stored state whose
     * bean class this deployment does not have shows no value. Audited as {@link AuditEvent.Type#ADMIN_VIEWED_STATE}.
     *
     * @return the stored state by bean class; empty when the session does not exist (or ended)
     */
    public Optional<Map<String, JsonValue>> storedState(String sessionId) {
        String admin = requireAdmin();
        Optional<UserSessionInfo> session = sessions.find(sessionId);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        audit.record(AuditEvent.Type.ADMIN_VIEWED_STATE, session.get().userName(), sessionId, "", admin);
        Map<String, JsonValue> states = new TreeMap<>();
        for (BeanStateRecord state : store.findBeanStates(sessionId).values()) {
            Set<String> visible = extension.beanClass(state.beanId()).map(AdminVisibleFields::of).orElse(Set.of());
            states.put(state.beanId(), RedactedState.of(state.json(), visible));
        }
        return Optional.of(states);
    }

    /**
     * Ends a session (reason {@link EndReason#REVOKED}). Audited as {@link AuditEvent.Type#ADMIN_ENDED_SESSION}.
     *
     * @return whether this call ended it (false when there was no such live session)
     */
    public boolean end(String sessionId) {
        String admin = requireAdmin();
        Optional<UserSessionInfo> session = sessions.find(sessionId);
        if (session.isEmpty() || !sessions.end(sessionId, EndReason.REVOKED)) {
            return false;
        }
        audit.record(AuditEvent.Type.ADMIN_ENDED_SESSION, session.get().userName(), sessionId, "", admin);
        return true;
    }

    /**
     * Ends every session of a user and every "keep me signed in" of the user's browsers (reason
     * {@link EndReason#REVOKED}). Audited as {@link AuditEvent.Type#ADMIN_ENDED_USER_SESSIONS}.
     *
     * @return how many sessions ended
     */
    public int endAllFor(String userName) {
        String admin = requireAdmin();
        int ended = sessions.endAllFor(userName, EndReason.REVOKED);
        audit.record(AuditEvent.Type.ADMIN_ENDED_USER_SESSIONS, userName, "", String.valueOf(ended), admin);
        return ended;
    }

    private String requireAdmin() {
        return access.require();
    }
}
