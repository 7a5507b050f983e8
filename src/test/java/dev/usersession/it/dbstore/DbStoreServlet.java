package dev.usersession.it.dbstore;

import dev.usersession.UserSessions;
import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;

/** {@code GET /whoami}: the caller, a group and the library session; {@code GET /tables?name=}: whether it exists. */
@DeclareRoles("buyer") // Payara answers isUserInRole only for declared roles
@WebServlet({"/whoami", "/tables"})
public class DbStoreServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    UserSessions sessions;

    @Inject
    ShopUsers users;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        if (request.getServletPath().equals("/tables")) {
            try {
                response.getWriter().print(users.hasTable(request.getParameter("name")));
            } catch (SQLException e) {
                throw new IOException(e);
            }
            return;
        }
        response.getWriter()
                .print(
                        request.getUserPrincipal() == null
                                ? "anonymous"
                                : request.getUserPrincipal().getName() + " buyer=" + request.isUserInRole("buyer")
                                        + " session=" + sessions.current().isPresent());
    }
}
