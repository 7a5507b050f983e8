package dev.usersession.internal.web;

import dev.usersession.UserSessionInfo;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.security.DefaultUserSessions;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The caller's own sessions. {@code GET /usersession/sessions}: a JSON list (id, created, last access, client, whether
 * it is bound to its browser's key ({@code deviceBound}), and which one is current; never a token). {@code POST /usersession/sessions/end} with {@code id}: ends one of them.
 * {@code POST /usersession/sessions/end-others}: ends all but the current one. 401 without a login.
 */
public class SessionsServlet extends LibraryServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = "/usersession/sessions";

    @Inject
    DefaultUserSessions sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<UserSessionInfo> me = sessions.current();
        if (me.isEmpty()) {
            notLoggedIn(request, response);
            return;
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (UserSessionInfo session : sessions.listFor(me.get().userName())) {
            list.add(Json.createObjectBuilder()
                    .add("id", session.id())
                    .add("created", session.created().toString())
                    .add("lastAccess", session.lastAccess().toString())
                    .add("client", session.client())
                    .add("deviceBound", session.deviceBound())
                    .add("current", session.id().equals(me.get().id())));
        }
        writeJson(response, list.build().toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (sessions.current().isEmpty()) {
            notLoggedIn(request, response);
            return;
        }
        String action = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (action.equals("/end-others")) {
            writeJson(
                    response,
                    Json.createObjectBuilder()
                            .add("ended", sessions.endOthers())
                            .build()
                            .toString());
        } else if (action.equals("/end")) {
            Optional<String> id = RequestBodies.read(request).get("id");
            if (id.isPresent() && sessions.endOwn(id.get())) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                errors.write(request, response, Failure.NO_SUCH_SESSION);
            }
        } else {
            errors.write(request, response, Failure.NO_SUCH_ACTION);
        }
    }

    private void notLoggedIn(HttpServletRequest request, HttpServletResponse response) {
        errors.write(request, response, Failure.NOT_LOGGED_IN);
    }

    private static void writeJson(HttpServletResponse response, String json) throws IOException {
        JsonResponses.write(response, json);
    }
}
