package dev.usersession.internal.web;

import dev.usersession.UserSessionConfig;
import dev.usersession.internal.context.UnitOfWork;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.internal.errors.ErrorResponses;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.request.RequestAttributes;
import dev.usersession.internal.security.CallerSessions;
import dev.usersession.internal.security.SessionCookie;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Ends the unit of work of each request: the request runs with a response that writes the session's changed
 * {@code @UserSession} state before it commits (see {@link FlushBeforeCommitResponse}), and, when the request was
 * authenticated by a session, a {@code Cache-Control: private, no-store} unless the application set its own
 * ({@code usersession.cache-control.no-store}); a library exception (a conflict, an ended session, a failure of the
 * library's own store...) becomes its short 409, 401 or 503 (see {@link Failure}), while any other exception is
 * rethrown to the application's error handling; and the bean instances are destroyed. Registered for every request by
 * {@link UserSessionServletInitializer}. A session that the request renewed (a password change) sends its new token
 * as the cookie of this response.
 *
 * <p>Asynchronous requests are supported: when the request goes async, its unit of work follows it to completion
 * (see {@link RequestUnitOfWork}); the filter also runs for async dispatches, which go on in the same unit of work.
 */
public class UnitOfWorkFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String PRIVATE_NO_STORE = "private, no-store";

    @Inject
    UserSessionManager manager;

    @Inject
    ErrorResponses errors;

    @Inject
    UserSessionConfig config;

    @Inject
    SessionCookie cookie;

    @Inject
    CallerSessions callerSessions;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean asyncDispatch = request.getDispatcherType() == DispatcherType.ASYNC;
        Optional<Failure> refusal = asyncDispatch ? Optional.empty() : RequestAttributes.refusal(request);
        if (refusal.isPresent()) {
            // The mechanism did not authenticate the request and decided its answer (see Refusals).
            errors.write(request, response, refusal.get());
            return;
        }
        RequestUnitOfWork work = asyncDispatch ? RequestUnitOfWork.of(request) : null;
        if (work == null
                && !config.mechanismEnabled()
                && request.getUserPrincipal() != null
                && manager.current() == null
                && !callerSessions.bind(request, response)) {
            errors.write(
                    request, response, Failure.CROSS_SITE); // a caller the server or another mechanism authenticated
            return;
        }
        if (work == null) {
            HttpServletResponse original = response;
            work = RequestUnitOfWork.begin(manager, errors, request, response, () -> beforeCommit(original));
            asyncDispatch = false;
        }
        UnitOfWork previous = asyncDispatch ? work.attach() : null;
        FlushBeforeCommitResponse guarded = new FlushBeforeCommitResponse(response, work);
        work.guarding(guarded);
        boolean async = false;
        int asyncStartsBefore = work.asyncStarts();
        try {
            chain.doFilter(new UnitOfWorkRequest(request, work, guarded), guarded);
            // Not isAsyncStarted() alone: it answers false once another thread called AsyncContext.dispatch() or
            // complete(), and this thread must then neither write nor discard what the async part goes on with.
            async = request.isAsyncStarted() || work.asyncStarts() != asyncStartsBefore;
            if (!async) {
                guarded.finish();
            }
        } catch (IOException | ServletException | RuntimeException e) {
            if (!errors.write(request, response, e)) {
                throw e;
            }
        } finally {
            if (async) {
                work.goOnAsynchronously(previous, asyncDispatch);
            } else if (asyncDispatch) {
                manager.release(previous);
            } else {
                manager.discardIfBound();
            }
        }
    }

    private void beforeCommit(HttpServletResponse response) {
        UnitOfWork unitOfWork = manager.current();
        if (unitOfWork != null) {
            String renewedToken = response.isCommitted() ? null : unitOfWork.takeRenewedToken();
            if (renewedToken != null) {
                // The session was renewed by this request (a password change): the client gets the new token.
                cookie.set(response, renewedToken);
            }
            if (config.cacheControlNoStore() && !response.isCommitted() && !response.containsHeader(CACHE_CONTROL)) {
                response.setHeader(CACHE_CONTROL, PRIVATE_NO_STORE);
            }
            manager.flush();
        }
    }
}
