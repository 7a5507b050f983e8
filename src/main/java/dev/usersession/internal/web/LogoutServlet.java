package dev.usersession.internal.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /usersession/logout}: ends the caller's session (the row is deleted, the cookie cleared). A form is
 * redirected to its {@code next} path or to {@code /}; other clients get 204.
 */
public class LogoutServlet extends LibraryServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = "/usersession/logout";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        request.logout();
        if (RequestBodies.isJson(request) || request.getContentType() == null) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            Redirects.seeOther(request, response, request.getParameter("next"), "/");
        }
    }
}
