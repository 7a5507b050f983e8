package dev.usersession.internal.passkey;

import java.util.Set;

/**
 * A passkey whose registration verified: what the application stores to verify later logins with it.
 *
 * @param credentialId the credential id the authenticator chose (also the lookup key at login)
 * @param publicKey the attested credential data (AAGUID, credential id, COSE public key) as webauthn4j serializes it,
 *        base64url without padding; give it back to {@link PasskeyCeremonies#verifyAuthentication}
 * @param signCount the authenticator's signature counter at registration (often 0: passkeys that sync keep none)
 * @param transports how the browser can reach the authenticator ("internal", "hybrid", "usb", ...), for
 *        allowCredentials hints; may be empty
 * @param aaguid the authenticator model id as a UUID string (all zeros when the authenticator does not tell)
 * @param backupEligible whether the credential may be synced to other devices (a multi-device passkey)
 * @param userVerified whether the authenticator verified the user (PIN, biometrics) while creating it
 */
public record RegisteredPasskey(
        byte[] credentialId,
        String publicKey,
        long signCount,
        Set<String> transports,
        String aaguid,
        boolean backupEligible,
        boolean userVerified) {

    /** Copies the mutable parts. */
    public RegisteredPasskey {
        credentialId = credentialId.clone();
        transports = Set.copyOf(transports);
    }

    /** @return a copy of the credential id */
    @Override
    public byte[] credentialId() {
        return credentialId.clone();
    }
}
