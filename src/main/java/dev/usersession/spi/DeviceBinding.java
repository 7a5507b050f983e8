package dev.usersession.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * What a session holds of the browser key it is bound to (Device Bound Session Credentials): the browser proved that it
 * holds the private key of {@code publicKey}, and keeps a short-lived bound cookie fresh by proving it again. A stored
 * session carries {@link #NONE} until its browser registers; a challenge may wait on it before that (the registration's)
 * and after (a refresh's).
 *
 * @param challenge the challenge the browser must sign next, or {@code null}
 * @param challengeExpiry when that challenge stops being accepted, or {@code null}
 * @param id the binding's identifier, the browser's {@code session_identifier}, or {@code null} while unbound
 * @param publicKey the browser's public key as a JSON Web Key, or {@code null} while unbound
 * @param boundAt when the browser registered its key, or {@code null} while unbound
 * @param cookieHash the SHA-256 of the current bound cookie's value, or {@code null}
 * @param previousCookieHash the SHA-256 of the bound cookie before the last refresh, or {@code null}
 * @param cookieExpiry when the current bound cookie stops being accepted, or {@code null}
 */
public record DeviceBinding(
        String challenge,
        Instant challengeExpiry,
        String id,
        String publicKey,
        Instant boundAt,
        String cookieHash,
        String previousCookieHash,
        Instant cookieExpiry) {

    /** A session that is not bound and has no challenge waiting. */
    public static final DeviceBinding NONE = new DeviceBinding(null, null, null, null, null, null, null, null);

    /** @return whether a browser key is bound to the session */
    public boolean isBound() {
        return id != null && publicKey != null;
    }

    /** @return whether {@code offered} is the challenge waiting at {@code now} */
    public boolean challengeIs(String offered, Instant now) {
        return challenge != null
                && offered != null
                && challengeExpiry != null
                && now.isBefore(challengeExpiry)
                && MessageDigest.isEqual(
                        challenge.getBytes(StandardCharsets.US_ASCII), offered.getBytes(StandardCharsets.US_ASCII));
    }
}
