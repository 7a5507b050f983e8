package dev.usersession.internal.passkey;

import static dev.usersession.internal.passkey.PasskeyException.VERIFICATION;
import static dev.usersession.internal.passkey.PasskeyFailures.refusing;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two WebAuthn ceremonies of passkeys for one relying party: the options JSON the browser script
 * ({@code <context>/usersession/passkeys.js}) hands to {@code navigator.credentials}, and the verification of what
 * the browser sends back (through webauthn4j). Attestation is not asked for and not checked ("none"); user presence is
 * required, user verification preferred but not required. No storage: the caller keeps the challenge it issued and
 * the passkeys it registered. Built once per relying party; thread-safe.
 */
public final class PasskeyCeremonies {

    private final String rpId;
    private final Set<Origin> origins;
    private final PasskeyOptions options;
    private final List<PublicKeyCredentialParameters> algorithms;
    private final WebAuthnManager webAuthn;
    private final AttestedCredentialDataConverter credentialData;

    /**
     * @param rpId the relying party id: the site's host name or a registrable suffix of it ("example.com")
     * @param rpName the name authenticators show for the site
     * @param origins the origins the pages run on ("https://example.com", "https://www.example.com:8443")
     * @throws IllegalArgumentException when a value is blank or an origin is not an origin
     */
    public PasskeyCeremonies(String rpId, String rpName, Set<String> origins) {
        if (rpId == null
                || rpId.isBlank()
                || rpName == null
                || rpName.isBlank()
                || origins == null
                || origins.isEmpty()) {
            throw new IllegalArgumentException("A passkey relying party needs an id, a name and at least one origin");
        }
        this.rpId = rpId;
        this.origins = origins.stream().map(PasskeyCeremonies::origin).collect(Collectors.toUnmodifiableSet());
        this.options = new PasskeyOptions(rpId, rpName);
        this.algorithms = PasskeyOptions.ALGORITHMS.stream()
                .map(alg -> new PublicKeyCredentialParameters(
                        PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.create(alg)))
                .toList();
        ObjectConverter converter = new ObjectConverter();
        this.webAuthn = WebAuthnManager.createNonStrictWebAuthnManager(converter);
        this.credentialData = new AttestedCredentialDataConverter(converter);
    }

    /**
     * @param challenge fresh random bytes (16 or more) that the caller keeps until {@link #verifyRegistration}
     * @param userName the account name the authenticator shows (an e-mail address, a login name)
     * @param userHandle the account's stable opaque id (at most 64 bytes, no personal data): returned at every login
     * @param displayName the user's name for display
     * @param excludeCredentialIds the account's registered credential ids, so one authenticator is not added twice
     * @return a {@code PublicKeyCredentialCreationOptionsJSON}
     */
    public String registrationOptions(
            byte[] challenge,
            String userName,
            byte[] userHandle,
            String displayName,
            List<byte[]> excludeCredentialIds) {
        return options.registration(challenge, userName, userHandle, displayName, excludeCredentialIds);
    }

    /**
     * @param credentialJson the browser's credential in the {@code PublicKeyCredential.toJSON()} shape
     * @param expectedChallenge the challenge given to {@link #registrationOptions}
     * @return the passkey to store
     * @throws PasskeyException when the response is malformed or does not verify
     */
    public RegisteredPasskey verifyRegistration(String credentialJson, byte[] expectedChallenge) {
        CredentialJson credential = CredentialJson.read(credentialJson);
        Set<String> transports = credential.transports();
        var request = new RegistrationRequest(
                credential.bytes("attestationObject"), credential.bytes("clientDataJSON"), transports);
        var parameters = new RegistrationParameters(server(expectedChallenge), algorithms, false, true);
        return refusing(() -> {
            AuthenticatorData<?> authenticatorData =
                    webAuthn.verify(request, parameters).getAttestationObject().getAuthenticatorData();
            AttestedCredentialData attested = authenticatorData.getAttestedCredentialData();
            if (!MessageDigest.isEqual(attested.getCredentialId(), credential.rawId())) {
                throw new PasskeyException(VERIFICATION, "The credential id differs from the authenticator's.");
            }
            return new RegisteredPasskey(
                    attested.getCredentialId(),
                    CredentialJson.encode(credentialData.convert(attested)),
                    authenticatorData.getSignCount(),
                    transports,
                    String.valueOf(attested.getAaguid().getValue()),
                    authenticatorData.isFlagBE(),
                    authenticatorData.isFlagUV());
        });
    }

    /**
     * @param challenge fresh random bytes that the caller keeps until {@link #verifyAuthentication}
     * @param allowCredentialIds the credentials of a known account; empty for a login with any discoverable passkey
     * @return a {@code PublicKeyCredentialRequestOptionsJSON}
     */
    public String authenticationOptions(byte[] challenge, List<byte[]> allowCredentialIds) {
        return options.authentication(challenge, allowCredentialIds);
    }

    /**
     * Reads which credential a login response claims, without verifying anything, to find the stored passkey.
     *
     * @param credentialJson the browser's credential in the {@code PublicKeyCredential.toJSON()} shape
     * @return the presented credential id and user handle
     * @throws PasskeyException "malformed" when the JSON cannot be read
     */
    public static PresentedAssertion readAssertion(String credentialJson) {
        CredentialJson credential = CredentialJson.read(credentialJson);
        return new PresentedAssertion(credential.rawId(), credential.optionalBytes("userHandle"));
    }

    /**
     * @param credentialJson the browser's credential in the {@code PublicKeyCredential.toJSON()} shape
     * @param expectedChallenge the challenge given to {@link #authenticationOptions}
     * @param credentialId the id of the stored passkey the response must come from
     * @param storedPublicKey {@link RegisteredPasskey#publicKey()} of that passkey
     * @param storedSignCount the signature counter stored with it
     * @return the new counter to store, and whether the user was verified
     * @throws PasskeyException when the response is malformed or does not verify
     * @throws IllegalArgumentException when {@code storedPublicKey} is not a stored passkey
     */
    public VerifiedAssertion verifyAuthentication(
            String credentialJson,
            byte[] expectedChallenge,
            byte[] credentialId,
            String storedPublicKey,
            long storedSignCount) {
        CredentialJson credential = CredentialJson.read(credentialJson);
        if (!MessageDigest.isEqual(credential.rawId(), credentialId)) {
            throw new PasskeyException(VERIFICATION, "The passkey response comes from another credential.");
        }
        var record = new CredentialRecordImpl(
                null, null, null, null, storedSignCount, stored(storedPublicKey), null, null, null, null);
        var request = new AuthenticationRequest(
                credential.rawId(),
                credential.optionalBytes("userHandle").orElse(null),
                credential.bytes("authenticatorData"),
                credential.bytes("clientDataJSON"),
                null,
                credential.bytes("signature"));
        var parameters =
                new AuthenticationParameters(server(expectedChallenge), record, List.of(credentialId), false, true);
        return refusing(() -> {
            AuthenticatorData<?> authenticatorData =
                    webAuthn.verify(request, parameters).getAuthenticatorData();
            return new VerifiedAssertion(authenticatorData.getSignCount(), authenticatorData.isFlagUV());
        });
    }

    private AttestedCredentialData stored(String storedPublicKey) {
        try {
            return credentialData.convert(Base64.getUrlDecoder().decode(storedPublicKey));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("storedPublicKey is not a RegisteredPasskey.publicKey()");
        }
    }

    private ServerProperty server(byte[] expectedChallenge) {
        return ServerProperty.builder()
                .origins(origins)
                .rpId(rpId)
                .challenge(new DefaultChallenge(Objects.requireNonNull(expectedChallenge, "expectedChallenge")))
                .build();
    }

    private static Origin origin(String origin) {
        try {
            return new Origin(origin);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not an origin: " + origin);
        }
    }
}
