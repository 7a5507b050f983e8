package dev.usersession.internal.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where the next page of a session search starts: the creation time and id of the last session of the previous page,
 * as an opaque URL-safe string. It carries no secret (a session id is the SHA-256 of a token, never the token); a
 * changed cursor only moves where a page starts.
 *
 * @param created the last session's creation time
 * @param id the last session's id
 */
public record PageCursor(Instant created, String id) {

    private static final char SEPARATOR = '~';

    /** @return the cursor as text for a URL */
    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((created.toString() + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return the cursor the text stands for
     * @throws IllegalArgumentException when the text is not a cursor this made
     */
    public static PageCursor decode(String text) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int separator = decoded.indexOf(SEPARATOR);
            String id = decoded.substring(separator + 1);
            if (separator < 0 || id.isEmpty() || id.length() > 43) {
                throw new IllegalArgumentException("Not a page cursor: " + text);
            }
            return new PageCursor(Instant.parse(decoded.substring(0, separator)), id);
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("Not a page cursor: " + text, e);
        }
    }
}
