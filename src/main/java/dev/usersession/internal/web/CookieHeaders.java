package dev.usersession.internal.web;

import java.util.StringJoiner;

/**
 * Cleans a {@code Cookie} header of the pairs a container may refuse to parse: any pair (of any name) with a control
 * byte or a byte outside ASCII, which another application on the same host or a script on a sibling domain can set.
 * The other pairs, the session cookie among them, are kept as they were.
 */
final class CookieHeaders {

    private CookieHeaders() {}

    /** @return whether the header holds a byte that is neither printable ASCII nor a tab */
    static boolean hasUnparseableBytes(String header) {
        for (int i = 0; i < header.length(); i++) {
            if (!isParseable(header.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** @return the header without its unparseable pairs; empty when none is left */
    static String withoutUnparseablePairs(String header) {
        StringJoiner kept = new StringJoiner("; ");
        for (String pair : header.split(";")) {
            String trimmed = pair.strip();
            if (!trimmed.isEmpty() && !hasUnparseableBytes(trimmed)) {
                kept.add(trimmed);
            }
        }
        return kept.toString();
    }

    private static boolean isParseable(char c) {
        return c == '\t' || (c >= 0x20 && c < 0x7f);
    }
}
