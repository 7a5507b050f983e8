package dev.usersession.it.mechanisms;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /api/whoami} and {@code /pages/whoami}, both for customers only: who the caller is. */
@WebServlet({"/api/whoami", "/pages/whoami"})
@ServletSecurity(@HttpConstraint(rolesAllowed = "customer"))
public class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(request.getUserPrincipal().getName());
    }
}
