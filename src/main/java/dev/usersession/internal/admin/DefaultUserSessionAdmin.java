package dev.usersession.internal.admin;

import dev.usersession.EndReason;
import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionInfo;
import dev.usersession.admin.AuditEvent;
import dev.usersession.admin.SessionPage;
import dev.usersession.admin.SessionQuery;
import dev.usersession.admin.UserSessionAdmin;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.context.UserSessionExtension;
import dev.usersession.internal.security.DefaultUserSessions;
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
 * The library's {@link UserSessionAdmin}: every call first passes {@link AdminAccess}; the sessions are searched in the
 * store a page at a time ({@link PageCursor}), shown with the values of only the fields the application marked
 * visible ({@link RedactedState}) and ended through {@link DefaultUserSessions}; looking and ending are audited. The
 * library's {@code /usersession/admin} endpoints inject this class, never the public interface.
 */
@ApplicationScoped
public class DefaultUserSessionAdmin implements UserSessionAdmin {

    @Inject
    DefaultUserSessions sessions;

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

    @Override
    public SessionPage find(SessionQuery query) {
        requireAdmin();
        Instant now = clock.now();
        PageCursor after = query.after().isEmpty() ? null : PageCursor.decode(query.after());
        List<SessionRecord> found = store.search(
                new SessionSearch(
                        query.userNamePrefix(),
                        query.clientContains(),
                        query.olderThan() == null ? null : now.minus(query.olderThan()),
                        after == null ? null : after.created(),
                        after == null ? null : after.id(),
                        query.limit() + 1),
                now);
        List<UserSessionInfo> page =
                found.stream().limit(query.limit()).map(SessionRecord::toInfo).toList();
        Optional<String> next = found.size() > query.limit()
                ? Optional.of(new PageCursor(
                                page.get(page.size() - 1).created(),
                                page.get(page.size() - 1).id())
                        .encode())
                : Optional.empty();
        return new SessionPage(page, next);
    }

    @Override
    public Optional<UserSessionInfo> session(String sessionId) {
        requireAdmin();
        return sessions.find(sessionId);
    }

    @Override
    public Optional<Map<String, JsonValue>> storedState(String sessionId) {
        String admin = requireAdmin();
        Optional<UserSessionInfo> session = sessions.find(sessionId);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        audit.record(AuditEvent.Type.ADMIN_VIEWED_STATE, session.get().userName(), sessionId, "", admin);
        Map<String, JsonValue> states = new TreeMap<>();
        for (BeanStateRecord state : store.findBeanStates(sessionId).values()) {
            Set<String> visible = extension
                    .beanClass(state.beanId())
                    .map(AdminVisibleFields::of)
                    .orElse(Set.of());
            states.put(state.beanId(), RedactedState.of(state.json(), visible));
        }
        return Optional.of(states);
    }

    @Override
    public boolean end(String sessionId) {
        String admin = requireAdmin();
        Optional<UserSessionInfo> session = sessions.find(sessionId);
        if (session.isEmpty() || !sessions.end(sessionId, EndReason.REVOKED)) {
            return false;
        }
        audit.record(AuditEvent.Type.ADMIN_ENDED_SESSION, session.get().userName(), sessionId, "", admin);
        return true;
    }

    @Override
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
