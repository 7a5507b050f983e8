package dev.usersession.internal.web;

import dev.usersession.UserSessionInfo;
import dev.usersession.admin.SessionPage;
import dev.usersession.admin.SessionQuery;
import dev.usersession.internal.admin.DefaultUserSessionAdmin;
import dev.usersession.internal.errors.Failure;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The administration of sessions over HTTP, on {@link DefaultUserSessionAdmin}, which checks every call: 401
 * {@code not_logged_in} without a session, 403 {@code forbidden} when the identity store does not give the caller the
 * group {@code usersession.admin.role} now, 401 {@code reauthentication_required} without a proof of identity from the
 * last {@code usersession.admin.recent} (re-authenticate at {@code /usersession/reauthenticate} and retry), 401
 * {@code second_factor_required} when the administrator has one-time codes and proved no second factor in that
 * window:
 * <ul>
 *   <li>{@code GET /usersession/admin/sessions?user=&client=&olderThan=&after=&limit=}: live sessions, newest first,
 *   filtered by user name prefix, client text and age (an ISO-8601 duration such as {@code PT1H}), {@code limit} (1 to
 *   500, default 50) at a time: {@code {"sessions":[...],"next":"<cursor>"}}; pass {@code next} as {@code after} for
 *   the next page ({@code null} on the last);</li>
 *   <li>{@code GET /usersession/admin/sessions/{id}}: the session and the state its beans stored, by bean class:
 *   {@code {"shown":{...},"hidden":{"field":size}}}, values only of fields marked
 *   {@link dev.usersession.admin.AdminVisible} (audited);</li>
 *   <li>{@code POST /usersession/admin/sessions/{id}/end}: ends it (204; 404 when there is no such session);</li>
 *   <li>{@code POST /usersession/admin/users/end-sessions} with {@code user}: ends all of a user's sessions
 *   ({@code {"ended":n}}).</li>
 * </ul>
 * Parameters that cannot be used get 400 {@code bad_request}. Never a token: a session's id is the SHA-256 of it.
 */
public class AdminServlet extends LibraryServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = "/usersession/admin";
    private static final String SESSIONS = "/sessions";

    @Inject
    DefaultUserSessionAdmin admin;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Optional<String> shown = sessionId(path, "");
        try {
            if (path.equals(SESSIONS)) {
                JsonResponses.write(response, page(admin.find(query(request))).build());
            } else if (shown.isPresent()) {
                String id = shown.get();
                Optional<UserSessionInfo> session = admin.session(id);
                Optional<Map<String, JsonValue>> state = session.isEmpty() ? Optional.empty() : admin.storedState(id);
                if (state.isEmpty()) {
                    errors.write(request, response, Failure.NO_SESSION);
                    return;
                }
                JsonObjectBuilder beans = Json.createObjectBuilder();
                state.get().forEach(beans::add);
                JsonResponses.write(
                        response, json(session.get()).add("state", beans).build());
            } else {
                errors.write(request, response, Failure.NO_SUCH_ACTION);
            }
        } catch (IllegalArgumentException e) {
            errors.write(request, response, Failure.badRequest(e.getMessage()));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Optional<String> ended = sessionId(path, "/end");
        if (ended.isPresent()) {
            if (admin.end(ended.get())) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                errors.write(request, response, Failure.NO_SESSION);
            }
        } else if (path.equals("/users/end-sessions")) {
            Optional<String> user = RequestBodies.read(request).get("user").filter(name -> !name.isBlank());
            if (user.isEmpty()) {
                errors.write(request, response, Failure.badRequest("Send the user whose sessions to end"));
                return;
            }
            JsonResponses.write(
                    response,
                    Json.createObjectBuilder()
                            .add("ended", admin.endAllFor(user.get()))
                            .build());
        } else {
            errors.write(request, response, Failure.NO_SUCH_ACTION);
        }
    }

    /**
     * @return the session id in a path {@code /sessions/<id><suffix>}: one segment, not empty; empty for any other
     *     path
     */
    static Optional<String> sessionId(String path, String suffix) {
        String prefix = SESSIONS + "/";
        if (!path.startsWith(prefix) || !path.endsWith(suffix) || path.length() <= prefix.length() + suffix.length()) {
            return Optional.empty();
        }
        String id = path.substring(prefix.length(), path.length() - suffix.length());
        return id.indexOf('/') < 0 ? Optional.of(id) : Optional.empty();
    }

    private static SessionQuery query(HttpServletRequest request) {
        SessionQuery query = SessionQuery.all()
                .withUserNamePrefix(request.getParameter("user"))
                .withClientContaining(request.getParameter("client"))
                .after(request.getParameter("after"));
        String olderThan = request.getParameter("olderThan");
        if (olderThan != null && !olderThan.isBlank()) {
            try {
                query = query.withOlderThan(Duration.parse(olderThan.trim()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("olderThan is an ISO-8601 duration such as PT1H or P7D");
            }
        }
        String limit = request.getParameter("limit");
        if (limit != null && !limit.isBlank()) {
            try {
                query = query.withLimit(Integer.parseInt(limit.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("limit is a whole number from 1 to " + SessionQuery.MAX_LIMIT);
            }
        }
        return query;
    }

    private static JsonObjectBuilder page(SessionPage page) {
        JsonArrayBuilder sessions = Json.createArrayBuilder();
        page.sessions().forEach(session -> sessions.add(json(session)));
        JsonObjectBuilder json = Json.createObjectBuilder().add("sessions", sessions);
        page.next().ifPresentOrElse(next -> json.add("next", next), () -> json.addNull("next"));
        return json;
    }

    private static JsonObjectBuilder json(UserSessionInfo session) {
        JsonArrayBuilder groups = Json.createArrayBuilder();
        session.groups().stream().sorted().forEach(groups::add);
        return Json.createObjectBuilder()
                .add("id", session.id())
                .add("user", session.userName())
                .add("groups", groups)
                .add("created", session.created().toString())
                .add("lastAccess", session.lastAccess().toString())
                .add("idleExpiry", session.idleExpiry().toString())
                .add("absoluteExpiry", session.absoluteExpiry().toString())
                .add("client", session.client())
                .add("deviceBound", session.deviceBound())
                .add("assuranceLevel", session.proofs().level().name());
    }
}
