package dev.usersession.internal.login;

import dev.usersession.UserSessionConfig;
import dev.usersession.internal.context.SessionTokens;
import dev.usersession.internal.request.RawCookies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

/**
 * The device cookie (OWASP, "slow down online guessing attacks with device cookies"): a random value that a browser
 * gets after it logged in successfully, stored only as its SHA-256 with the user's name. Its name is the session
 * cookie's with {@code -device} appended ({@code __Host-usersession-device}), with the same attributes, and it lives
 * {@code usersession.login.device-lifetime}. It grants nothing by itself: it only lets the browser's further logins
 * as that user be counted on the device's own allowance instead of the name's.
 */
@ApplicationScoped
public class DeviceCookie {

    @Inject
    UserSessionConfig config;

    /** @return the device token the request presented, well-formed, or {@code null} */
    public String read(HttpServletRequest request) {
        List<String> values = RawCookies.values(request, name());
        return values.size() == 1 && SessionTokens.isWellFormed(values.get(0)) ? values.get(0) : null;
    }

    /** Sets the cookie to a device token. */
    public void set(HttpServletResponse response, String token) {
        response.addHeader(
                "Set-Cookie",
                RawCookies.header(
                        name(),
                        token,
                        config.loginDeviceLifetime().toSeconds(),
                        config.cookieSecure(),
                        config.cookieSameSite()));
    }

    private String name() {
        return config.cookieName() + "-device";
    }
}
