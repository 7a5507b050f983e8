package dev.usersession.web;

import dev.usersession.context.UnitOfWork;
import dev.usersession.context.UserSessionManager;
import dev.usersession.security.SessionCookie;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Ends the unit of work of each request: the request runs with a response that writes the session's changed
 * {@code @UserSession} state before it commits (see {@link FlushBeforeCommitResponse}); a conflict, an ended
 * session or a database failure becomes a short 409, 401 or 503; and the bean instances are destroyed. A session
 * that the request renewed (a password change) sends its new token as the cookie of this response. Registered
 * for every request by {@link UserSessionServletInitializer}.
 */
public class UnitOfWorkFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    UserSessionManager manager;

    @Inject
    ErrorResponses errors;

    @Inject
    SessionCookie cookie;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        FlushBeforeCommitResponse guarded = new FlushBeforeCommitResponse(response, () -> flushIfBound(response));
        try {
            chain.doFilter(request, guarded);
            guarded.finish();
        } catch (IOException | ServletException | RuntimeException e) {
            if (!errors.write(request, response, e)) {
                throw e;
            }
        } finally {
            manager.discardIfBound();
        }
    }

    private void flushIfBound(HttpServletResponse response) {
        UnitOfWork unitOfWork = manager.current();
        if (unitOfWork != null) {
            if (unitOfWork.renewedToken() != null) {
                // The session was renewed by this request (a password change): the client gets the new token.
                cookie.set(response, unitOfWork.renewedToken());
            }
            manager.flush();
        }
    }
}
