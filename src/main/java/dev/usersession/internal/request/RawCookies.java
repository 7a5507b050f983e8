package dev.usersession.internal.request;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * Reads cookies of one name from the raw {@code Cookie} headers, not from the container's parsed cookies:
 * containers refuse some hostile values with an exception (a 500), and a duplicated cookie must be seen to be
 * refused.
 */
public final class RawCookies {

    private RawCookies() {}

    /** @return every value the request sent under this cookie name, in order */
    public static List<String> values(HttpServletRequest request, String name) {
        String prefix = name + "=";
        List<String> values = new ArrayList<>(1);
        Enumeration<String> headers = request.getHeaders("Cookie");
        while (headers != null && headers.hasMoreElements()) {
            for (String pair : headers.nextElement().split(";")) {
                String trimmed = pair.strip();
                if (trimmed.startsWith(prefix)) {
                    values.add(trimmed.substring(prefix.length()));
                }
            }
        }
        return values;
    }

    /**
     * @return a {@code Set-Cookie} value with the library's attributes: {@code Path=/}, {@code Secure} when the
     *     cookie is secure, {@code HttpOnly} and the SameSite setting; no Domain
     */
    public static String header(String name, String value, long maxAgeSeconds, boolean secure, String sameSite) {
        StringBuilder header = new StringBuilder(160)
                .append(name)
                .append('=')
                .append(value)
                .append("; Path=/; Max-Age=")
                .append(maxAgeSeconds);
        if (secure) {
            header.append("; Secure");
        }
        return header.append("; HttpOnly; SameSite=").append(sameSite).toString();
    }
}
