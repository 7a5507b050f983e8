package dev.usersession.internal.web;

import dev.usersession.internal.devicebinding.DeviceBindings;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.security.PresentedToken;
import dev.usersession.internal.security.SessionCookie;
import dev.usersession.internal.security.SessionLogin;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The endpoints a browser with Device Bound Session Credentials calls on its own: {@code POST
 * /usersession/device-binding/register} (its key, for the session of its session cookie) and {@code POST
 * /usersession/device-binding/refresh} (a new bound cookie, for the binding its {@code Sec-Secure-Session-Id} names).
 * See {@link DeviceBindings}.
 */
public class DeviceBindingServlet extends LibraryServlet {
    private static final long serialVersionUID = 1L;

    /** The endpoints' common path. */
    public static final String PATH = "/usersession/device-binding";

    @Inject
    DeviceBindings bindings;

    @Inject
    SessionCookie cookie;

    @Inject
    SessionLogin login;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = DeviceBindings.pathOf(request);
        PresentedToken presented = cookie.read(request);
        String sessionId = presented.kind() == PresentedToken.Kind.WELL_FORMED && presented.fromCookie()
                ? presented.sessionId()
                : null;
        if (DeviceBindings.REGISTER_PATH.equals(path)) {
            bindings.register(request, response, sessionId);
        } else if (DeviceBindings.REFRESH_PATH.equals(path)) {
            bindings.refresh(
                    request,
                    response,
                    sessionId,
                    (userName, binding) -> login.openRemembered(request, response, userName, binding));
        } else {
            errors.write(request, response, Failure.NO_SUCH_ACTION);
        }
    }
}
