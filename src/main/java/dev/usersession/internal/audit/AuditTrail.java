package dev.usersession.internal.audit;

import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionEnded;
import dev.usersession.admin.AuditEvent;
import dev.usersession.internal.account.UserNames;
import dev.usersession.internal.request.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one owner of the audit trail: every security-relevant event of the library becomes an {@link AuditEvent}, fired
 * to the application's observers and written as a JSON line to the logger {@code dev.usersession.audit}, with the
 * time, the user, the session id (never a token), the client's address and user agent of the current request.
 * Session ends come from {@link UserSessionEnded}, which the session's one owner fires once per session. Every text
 * field is bounded (a user name to the longest an account can have, the user agent, detail and actor to a few hundred
 * characters), so that what a client sends cannot make the trail's lines as long as it likes.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger("dev.usersession.audit");
    private static final int AGENT_LENGTH = 200;
    private static final int DETAIL_LENGTH = 200;

    @Inject
    Event<AuditEvent> events;

    @Inject
    CurrentRequest currentRequest;

    @Inject
    UserSessionClock clock;

    /** Records an event of the current request (or of no request). */
    public void record(AuditEvent.Type type, String userName, String sessionId, String detail) {
        record(type, userName, sessionId, detail, "");
    }

    /** Records what someone did to another user's account or sessions (an administrator: the actor). */
    public void record(AuditEvent.Type type, String userName, String sessionId, String detail, String actor) {
        HttpServletRequest request = currentRequest.get().orElse(null);
        String agent = request == null ? null : request.getHeader("User-Agent");
        AuditEvent event = new AuditEvent(
                type,
                clock.now(),
                bounded(userName, UserNames.MAXIMUM_LENGTH),
                sessionId,
                request == null ? null : request.getRemoteAddr(),
                bounded(agent, AGENT_LENGTH),
                bounded(detail, DETAIL_LENGTH),
                bounded(actor, UserNames.MAXIMUM_LENGTH));
        if (LOG.isLoggable(Level.INFO)) {
            LOG.info(json(event));
        }
        events.fire(event);
    }

    void sessionEnded(@Observes UserSessionEnded ended) {
        record(
                AuditEvent.Type.SESSION_ENDED,
                ended.session().userName(),
                ended.session().id(),
                ended.reason().name().toLowerCase(Locale.ROOT));
    }

    private static String bounded(String text, int maximumLength) {
        return text == null || text.length() <= maximumLength ? text : text.substring(0, maximumLength);
    }

    private static String json(AuditEvent event) {
        return Json.createObjectBuilder()
                .add("time", event.time().toString())
                .add("event", event.type().name().toLowerCase(Locale.ROOT))
                .add("user", event.userName())
                .add("session", event.sessionId())
                .add("client", event.clientAddress())
                .add("agent", event.userAgent())
                .add("detail", event.detail())
                .add("actor", event.actor())
                .build()
                .toString();
    }
}
