package dev.usersession.internal.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The request as the application sees it: going async ({@code startAsync}) hands the request's unit of work on to
 * the async part, and the async context it returns writes the state before the response completes (see
 * {@link GuardedAsyncContext}).
 */
final class UnitOfWorkRequest extends HttpServletRequestWrapper {

    private final RequestUnitOfWork work;
    private final HttpServletResponse guardedResponse;

    UnitOfWorkRequest(HttpServletRequest request, RequestUnitOfWork work, HttpServletResponse guardedResponse) {
        super(request);
        this.work = work;
        this.guardedResponse = guardedResponse;
    }

    @Override
    public AsyncContext startAsync() {
        return work.started(super.startAsync(), this, guardedResponse);
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        return work.started(super.startAsync(request, response), this, guardedResponse);
    }

    @Override
    public AsyncContext getAsyncContext() {
        return work.asyncContext(super.getAsyncContext(), this, guardedResponse);
    }
}
