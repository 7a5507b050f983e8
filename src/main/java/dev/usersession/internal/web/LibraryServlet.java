package dev.usersession.internal.web;

import dev.usersession.internal.errors.ErrorResponses;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.errors.OwnResponseHeaders;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The base of the library's endpoints: a request with a method the endpoint does not take (any method, {@code PATCH}
 * and WebDAV's included) is answered 405 with an {@code Allow} header and the library's short error body, where
 * {@link HttpServlet} would answer an HTML page, 501 for a method it does not know, and no {@code Allow}.
 * {@code OPTIONS} names the methods the endpoint takes (never {@code TRACE}, which the servers refuse). The methods
 * are those whose {@code doGet}, {@code doPost}, {@code doPut} or {@code doDelete} the endpoint overrides ({@code GET}
 * brings {@code HEAD}). Every answer carries {@link OwnResponseHeaders}.
 */
public abstract class LibraryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    public ErrorResponses errors;

    private transient volatile List<String> allowed;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        OwnResponseHeaders.set(response);
        List<String> methods = allowed();
        String method = request.getMethod();
        if (method.equals("OPTIONS")) {
            response.setHeader("Allow", String.join(", ", methods));
            return;
        }
        if (!methods.contains(method)) {
            errors.write(request, response, Failure.METHOD_NOT_ALLOWED, Map.of("Allow", String.join(", ", methods)));
            return;
        }
        super.service(request, response);
    }

    private List<String> allowed() {
        List<String> methods = allowed;
        if (methods == null) {
            methods = new ArrayList<>();
            if (overrides("doGet")) {
                methods.add("GET");
                methods.add("HEAD");
            }
            for (String method : List.of("POST", "PUT", "DELETE")) {
                if (overrides("do" + method.charAt(0) + method.substring(1).toLowerCase())) {
                    methods.add(method);
                }
            }
            methods.add("OPTIONS");
            methods = List.copyOf(methods);
            allowed = methods;
        }
        return methods;
    }

    private boolean overrides(String handler) {
        for (Class<?> type = getClass(); type != LibraryServlet.class; type = type.getSuperclass()) {
            try {
                type.getDeclaredMethod(handler, HttpServletRequest.class, HttpServletResponse.class);
                return true;
            } catch (NoSuchMethodException notHere) {
                // look further up
            }
        }
        return false;
    }
}
