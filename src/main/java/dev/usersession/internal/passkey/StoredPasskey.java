package dev.usersession.internal.passkey;

import java.time.Instant;
import java.util.List;

/**
 * A stored passkey.
 *
 * @param id the SHA-256 of the credential id (URL-safe base64)
 * @param credentialId the credential id (URL-safe base64)
 * @param userName whose it is
 * @param userHandle the WebAuthn user handle given at registration (URL-safe base64 of random bytes)
 * @param publicKey the credential's public key as the verifier stores it
 * @param signCount the authenticator's signature counter at the last use
 * @param transports how the browser can reach the authenticator ({@code internal}, {@code usb}, ...)
 * @param aaguid the authenticator model's id, as given (without attestation it is not proved)
 * @param backupEligible whether the passkey may be synced to other devices
 * @param name the name the user gave it
 * @param created when it was registered
 * @param lastUsed when it was last used to sign in, or {@code null}
 */
public record StoredPasskey(
        String id,
        String credentialId,
        String userName,
        String userHandle,
        String publicKey,
        long signCount,
        List<String> transports,
        String aaguid,
        boolean backupEligible,
        String name,
        Instant created,
        Instant lastUsed) {

    /** Copies the transports. */
    public StoredPasskey {
        transports = List.copyOf(transports);
    }
}
