package dev.usersession.auth;

import java.time.Instant;
import java.util.List;

/**
 * A passkey of the user, as the user may see it (never its key).
 *
 * @param id the passkey's id in the library (to remove it)
 * @param name the name the user gave it
 * @param created when it was registered
 * @param lastUsed when it last signed the user in, or {@code null}
 * @param transports how the browser reaches it ({@code internal}, {@code hybrid}, {@code usb}, ...)
 * @param synced whether it may be synced to the user's other devices (backup eligible)
 */
public record PasskeyInfo(
        String id, String name, Instant created, Instant lastUsed, List<String> transports, boolean synced) {

    /** Copies the transports. */
    public PasskeyInfo {
        transports = List.copyOf(transports);
    }
}
