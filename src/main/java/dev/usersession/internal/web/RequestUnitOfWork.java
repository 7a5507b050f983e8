package dev.usersession.internal.web;

import dev.usersession.internal.context.UnitOfWork;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.internal.errors.ErrorResponses;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The unit of work of one request, from the filter to its response, on whichever threads the request runs. A
 * synchronous request keeps it bound to its thread. An asynchronous one ({@code startAsync}: a suspended JAX-RS
 * resource, a {@code CompletionStage}, server-sent events, servlet async) lets go of its thread when the filter
 * returns; the unit of work then waits here, is bound again to a thread for each write of the state (before the
 * response commits, and at {@code AsyncContext.complete()}) and in async dispatches, and ends when the request
 * completes. A failure to write the state while the request is asynchronous is answered here (409, 401, 503), since
 * no filter is there to catch it.
 */
final class RequestUnitOfWork implements AsyncListener {

    private static final String ATTRIBUTE = RequestUnitOfWork.class.getName();

    private final UserSessionManager manager;
    private final ErrorResponses errors;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Runnable writeState;
    /** The unit of work of an asynchronous request, kept while no thread holds it; null until the request goes async. */
    private UnitOfWork unitOfWork;

    private GuardedAsyncContext asyncContext;
    /** The response of the latest dispatch, whose writer may still hold characters at completion. */
    private FlushBeforeCommitResponse guardedResponse;

    private boolean listening;
    /** How many times the application went async ({@code startAsync}) in this request, over all its dispatches. */
    private int asyncStarts;
    /** An error answer replaced the response, or the request failed or timed out: nothing more is written. */
    private boolean closed;

    private RequestUnitOfWork(
            UserSessionManager manager,
            ErrorResponses errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Runnable writeState) {
        this.manager = manager;
        this.errors = errors;
        this.request = request;
        this.response = response;
        this.writeState = writeState;
    }

    /** Begins following a new request; {@code writeState} writes the bound unit of work's state. */
    static RequestUnitOfWork begin(
            UserSessionManager manager,
            ErrorResponses errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Runnable writeState) {
        RequestUnitOfWork work = new RequestUnitOfWork(manager, errors, request, response, writeState);
        request.setAttribute(ATTRIBUTE, work);
        return work;
    }

    /** @return the unit of work an async dispatch of this request goes on with, or null */
    static RequestUnitOfWork of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof RequestUnitOfWork work ? work : null;
    }

    /**
     * Writes the state now, on the current thread (the response has not committed yet). A failure of a synchronous
     * request is thrown to the filter; one of an asynchronous request is answered here.
     */
    synchronized void beforeCommit() {
        if (closed) {
            return;
        }
        if (!request.isAsyncStarted()) {
            writeBound();
            return;
        }
        try {
            writeBound();
        } catch (RuntimeException e) {
            answer(e);
        }
    }

    /** Writes the state at the end of a synchronous request (or dispatch), throwing any failure to the filter. */
    synchronized void finish() {
        if (!closed) {
            writeBound();
        }
    }

    /** @return whether an error answer replaced the response: the application's writes are dropped. */
    synchronized boolean isAnswered() {
        return closed;
    }

    /** The response a dispatch of this request writes to. */
    synchronized void guarding(FlushBeforeCommitResponse response) {
        guardedResponse = response;
    }

    /**
     * The application called {@code AsyncContext.complete()}: what its writer still holds goes into the response, and
     * the state is written before the response commits.
     */
    synchronized void beforeComplete() {
        if (guardedResponse != null && !closed) {
            guardedResponse.moveWriterBuffer();
        }
        if (!response.isCommitted()) {
            beforeCommit();
        } else if (!closed) {
            // a streamed response (server-sent events): later changes are stored late, a failure only logged
            try {
                writeBound();
            } catch (RuntimeException e) {
                answer(e);
            }
        }
    }

    private void writeBound() {
        UnitOfWork held = unitOfWork;
        if (held == null || held == manager.current()) {
            writeState.run();
            return;
        }
        if (held.isEnded()) {
            return;
        }
        UnitOfWork previous = manager.attach(held);
        try {
            writeState.run();
        } finally {
            manager.release(previous);
        }
    }

    private void answer(RuntimeException failure) {
        if (!errors.write(request, response, failure)) {
            throw failure;
        }
        closed = true;
    }

    /** The request went async through {@code startAsync}: its unit of work will be followed to completion. */
    synchronized GuardedAsyncContext started(
            AsyncContext started, HttpServletRequest guardedRequest, HttpServletResponse guardedResponse) {
        if (unitOfWork == null) {
            unitOfWork = manager.current();
        }
        asyncStarts++;
        listen(started);
        asyncContext = new GuardedAsyncContext(started, this, guardedRequest, guardedResponse);
        return asyncContext;
    }

    /**
     * @return how many times the request went async so far: a dispatch that compares it before and after the
     *     application ran knows whether it went async, even when {@code isAsyncStarted()} already answers false
     *     because another thread called {@code AsyncContext.dispatch()} or {@code complete()} meanwhile
     */
    synchronized int asyncStarts() {
        return asyncStarts;
    }

    /** @return the application's view of the container's async context: one that writes the state on complete */
    synchronized AsyncContext asyncContext(
            AsyncContext current, HttpServletRequest guardedRequest, HttpServletResponse guardedResponse) {
        if (current == null || (asyncContext != null && asyncContext.wraps(current))) {
            return current == null ? null : asyncContext;
        }
        return started(current, guardedRequest, guardedResponse);
    }

    private void listen(AsyncContext context) {
        if (!listening) {
            context.addListener(this);
            listening = true;
        }
    }

    /** The filter returns while the request goes on asynchronously: the thread lets go of the unit of work. */
    synchronized void goOnAsynchronously(UnitOfWork previous, boolean boundByFilter) {
        UnitOfWork current = manager.current();
        if (current != null && unitOfWork == null) {
            unitOfWork = current;
        }
        if (!listening && request.isAsyncStarted()) {
            try {
                listen(request.getAsyncContext());
            } catch (IllegalStateException completedMeanwhile) {
                // completed on another thread already: onComplete is not ours to wait for
                end();
            }
        }
        if (boundByFilter) {
            manager.release(previous);
        } else if (current != null) {
            manager.detach();
        }
    }

    /** Binds the unit of work of an async dispatch to its thread; @return what was bound before */
    synchronized UnitOfWork attach() {
        return unitOfWork == null ? manager.current() : manager.attach(unitOfWork);
    }

    /** Ends the unit of work of a request that completed (idempotent). */
    synchronized void end() {
        if (unitOfWork != null) {
            manager.end(unitOfWork);
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        end();
    }

    @Override
    public synchronized void onTimeout(AsyncEvent event) {
        closed = true;
    }

    @Override
    public synchronized void onError(AsyncEvent event) {
        closed = true;
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
    }
}
