package dev.usersession.jpa;

import java.time.Instant;

/**
 * A stored "keep me signed in" series.
 *
 * @param series the SHA-256 of the series value
 * @param tokenHash the SHA-256 of the current token
 * @param previousTokenHash the SHA-256 of the token before the last rotation, or {@code null}
 * @param rotated when the last rotation happened, or {@code null}
 * @param userName whose it is
 * @param expires when it ends
 */
public record RememberedSeries(String series, String tokenHash, String previousTokenHash, Instant rotated,
        String userName, Instant expires) {
}
