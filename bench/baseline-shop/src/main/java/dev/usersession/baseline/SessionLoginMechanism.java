package dev.usersession.baseline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The container's own login as an application without usersession has it: {@code POST /login} with the demo user's
 * name and password signs in once, and the container keeps the caller in the {@code HttpSession}
 * ({@link AutoApplySession}): no store is read on later requests.
 */
@AutoApplySession
@ApplicationScoped
public class SessionLoginMechanism implements HttpAuthenticationMechanism {

    private static final byte[] PASSWORD = "shop-demo-2026".getBytes(StandardCharsets.UTF_8);

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (!"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/login")) {
            return context.doNothing();
        }
        String name = request.getParameter("username");
        String password = request.getParameter("password");
        if (name == null || password == null
                || !MessageDigest.isEqual(PASSWORD, password.getBytes(StandardCharsets.UTF_8))) {
            return context.responseUnauthorized();
        }
        request.getSession(true);
        return context.notifyContainerAboutLogin(name, Set.of("customer"));
    }
}
