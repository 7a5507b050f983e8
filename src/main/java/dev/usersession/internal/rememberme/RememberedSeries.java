package dev.usersession.internal.rememberme;

import dev.usersession.spi.DeviceBinding;
import java.time.Instant;

/**
 * A stored "keep me signed in" series.
 *
 * @param series the SHA-256 of the series value
 * @param tokenHash the SHA-256 of the current token
 * @param previousTokenHash the SHA-256 of the token before the last rotation, or {@code null}
 * @param rotated when the last rotation happened, or {@code null}
 * @param tokenSeen whether the current token came back since it was issued (with the session opened alongside it): the
 *     browser got the response that carried it, so the previous token is no longer the browser's
 * @param userName whose it is
 * @param expires when it ends
 * @param binding the browser key the series is bound to (a device-bound session's), with the challenge waiting for
 *     it, or {@link DeviceBinding#NONE}: a bound series' cookie alone opens no session
 */
public record RememberedSeries(
        String series,
        String tokenHash,
        String previousTokenHash,
        Instant rotated,
        boolean tokenSeen,
        String userName,
        Instant expires,
        DeviceBinding binding) {

    /** @return whether the series is bound to a browser key */
    public boolean bound() {
        return binding.isBound();
    }
}
