package dev.usersession.it.app;

import dev.usersession.UserSessions;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Servlet async: {@code /servlet-async/complete} changes the {@link Counter} on a container thread and completes
 * there, writing through {@code AsyncContext.getResponse()} ({@code ?mode=conflict}: another unit of work changes it
 * meanwhile); {@code /servlet-async/dispatch} dispatches back, and the async dispatch changes it.
 */
@WebServlet(urlPatterns = "/servlet-async/*", asyncSupported = true)
public class AsyncServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    Counter counter;

    @Inject
    UserSessions sessions;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            response.setContentType("text/plain");
            response.getWriter().write(String.valueOf(counter.increment()));
            return;
        }
        boolean dispatch = "/dispatch".equals(request.getPathInfo());
        boolean conflict = "conflict".equals(request.getParameter("mode"));
        String sessionId = sessions.current().orElseThrow().id();
        AsyncContext async = request.startAsync();
        async.start(sessions.propagate(() -> {
            if (dispatch) {
                async.dispatch();
                return;
            }
            int count = counter.increment();
            if (conflict) {
                sessions.runIn(sessionId, counter::increment);
            }
            ServletResponse asyncResponse = async.getResponse();
            asyncResponse.setContentType("text/plain");
            try {
                asyncResponse.getWriter().write(String.valueOf(count));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            async.complete();
        }));
    }
}
