package dev.usersession.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.stream.Collectors;

/**
 * What an attribute dump (a debug page, a development error page) of a request would show: a request sent with the
 * header {@code X-Dump-Attributes} has every request attribute, name and value, kept here once it was served (the
 * library's own endpoints too); {@code GET test/attribute-dump} shows the last one.
 */
@ApplicationScoped
public class RequestAttributeDumps {

    private volatile String last = "";

    /** @return the last dump: one {@code name=value} line per attribute */
    public String last() {
        return last;
    }

    void keep(HttpServletRequest request) {
        last = Collections.list(request.getAttributeNames()).stream()
                .map(name -> name + "=" + request.getAttribute(name))
                .collect(Collectors.joining("\n"));
    }

    /** Dumps the attributes of the requests that ask for it, after they were served. */
    @WebFilter(urlPatterns = {"/usersession/*", "/test/*"})
    public static class DumpFilter extends HttpFilter {
        private static final long serialVersionUID = 1L;

        @Inject
        RequestAttributeDumps dumps;

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            try {
                chain.doFilter(request, response);
            } finally {
                if (request.getHeader("X-Dump-Attributes") != null) {
                    dumps.keep(request);
                }
            }
        }
    }
}
