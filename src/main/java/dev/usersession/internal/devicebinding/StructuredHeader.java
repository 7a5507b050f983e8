package dev.usersession.internal.devicebinding;

import java.util.regex.Pattern;

/**
 * Reads the one value a DBSC request header carries ({@code Secure-Session-Response}, {@code Sec-Secure-Session-Id}):
 * an RFC 8941 item that browsers send as a bare token or as a quoted string, with parameters that are ignored. Only the
 * characters of base64url and the JWS dot are accepted inside: anything else is no value.
 */
final class StructuredHeader {

    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.-]{1," + BindingProof.MAX_LENGTH + "}");

    private StructuredHeader() {}

    /** @return the header's value, unquoted, or {@code null} when absent or malformed */
    static String value(String header) {
        if (header == null || header.length() > BindingProof.MAX_LENGTH + 64) {
            return null;
        }
        String item = header.trim();
        int parameters = item.indexOf(';');
        if (parameters >= 0) {
            item = item.substring(0, parameters).trim();
        }
        if (item.length() >= 2 && item.startsWith("\"") && item.endsWith("\"")) {
            item = item.substring(1, item.length() - 1);
        }
        return VALUE.matcher(item).matches() ? item : null;
    }
}
