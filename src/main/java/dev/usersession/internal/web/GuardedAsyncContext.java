package dev.usersession.internal.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The container's {@link AsyncContext} as the application sees it: {@link #complete()} writes the session's state
 * first, so a conflict or a database failure can still be the answer; and where the container would hand out its
 * original request and response ({@code startAsync()} without arguments), the application gets the library's
 * wrappers, so that its writes from other threads still write the state before the response commits.
 */
final class GuardedAsyncContext implements AsyncContext {

    private final AsyncContext container;
    private final RequestUnitOfWork work;
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    GuardedAsyncContext(
            AsyncContext container, RequestUnitOfWork work, HttpServletRequest request, HttpServletResponse response) {
        this.container = container;
        this.work = work;
        this.request = request;
        this.response = response;
    }

    boolean wraps(AsyncContext context) {
        return container == context;
    }

    @Override
    public ServletRequest getRequest() {
        return container.hasOriginalRequestAndResponse() ? request : container.getRequest();
    }

    @Override
    public ServletResponse getResponse() {
        return container.hasOriginalRequestAndResponse() ? response : container.getResponse();
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return container.hasOriginalRequestAndResponse();
    }

    @Override
    public void dispatch() {
        container.dispatch();
    }

    @Override
    public void dispatch(String path) {
        container.dispatch(path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        container.dispatch(context, path);
    }

    @Override
    public void complete() {
        try {
            work.beforeComplete();
        } finally {
            container.complete();
        }
    }

    @Override
    public void start(Runnable run) {
        container.start(run);
    }

    @Override
    public void addListener(AsyncListener listener) {
        container.addListener(listener);
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
        container.addListener(listener, servletRequest, servletResponse);
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
        return container.createListener(type);
    }

    @Override
    public void setTimeout(long timeout) {
        container.setTimeout(timeout);
    }

    @Override
    public long getTimeout() {
        return container.getTimeout();
    }
}
