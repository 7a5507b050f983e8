package dev.usersession.internal.passkey;

import java.util.Optional;

/**
 * Which credential (and, for a discoverable passkey, which user) a login response claims to come from, read
 * WITHOUT verification: only to find the stored passkey before {@link PasskeyCeremonies#verifyAuthentication}.
 *
 * @param credentialId the presented credential id (the JSON's rawId)
 * @param userHandle the user handle the authenticator returned (the user.id given at registration), when present
 */
public record PresentedAssertion(byte[] credentialId, Optional<byte[]> userHandle) {

    /** Copies the arrays. */
    public PresentedAssertion {
        credentialId = credentialId.clone();
        userHandle = userHandle.map(byte[]::clone);
    }

    /** @return a copy of the credential id */
    @Override
    public byte[] credentialId() {
        return credentialId.clone();
    }

    /** @return a copy of the user handle, when present */
    @Override
    public Optional<byte[]> userHandle() {
        return userHandle.map(byte[]::clone);
    }
}
