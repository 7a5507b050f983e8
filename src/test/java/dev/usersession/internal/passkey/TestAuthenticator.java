package dev.usersession.internal.passkey;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.UUID;

/**
 * A software passkey for tests (webauthn4j-test is not on Maven Central): an EC P-256 key, "none" attestation,
 * responses in the browser's {@code PublicKeyCredential.toJSON()} shape, built with JDK crypto and webauthn4j's CBOR.
 */
public final class TestAuthenticator {

    public static final UUID AAGUID = UUID.fromString("4f6a5e2c-1d2b-4c3a-9e8f-0a1b2c3d4e5f");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte FLAGS =
            AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_BE | AuthenticatorData.BIT_BS;

    private final ObjectConverter converter = new ObjectConverter();
    private final String rpId;
    private final KeyPair keys;
    private final byte[] credentialId = random(32);
    private final byte[] userHandle = random(16);
    private final boolean counting;
    private long counter;

    /** An authenticator that keeps a signature counter (one more per assertion). */
    TestAuthenticator(String rpId) {
        this(rpId, true);
    }

    /** @param counting false for a synced passkey that always reports counter 0 */
    TestAuthenticator(String rpId, boolean counting) {
        this.rpId = rpId;
        this.counting = counting;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] credentialId() {
        return credentialId.clone();
    }

    public byte[] userHandle() {
        return userHandle.clone();
    }

    /** @return the response of {@code navigator.credentials.create} for a page of {@code origin} */
    public String registration(byte[] challenge, String origin) {
        var attested = new AttestedCredentialData(
                new AAGUID(AAGUID),
                credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authenticatorData =
                new AuthenticatorData<>(rpIdHash(), (byte) (FLAGS | AuthenticatorData.BIT_AT), 0, attested);
        byte[] attestationObject = new AttestationObjectConverter(converter)
                .convertToBytes(new AttestationObject(authenticatorData, new NoneAttestationStatement()));
        JsonObjectBuilder response = Json.createObjectBuilder()
                .add("clientDataJSON", encode(clientData("webauthn.create", challenge, origin)))
                .add("attestationObject", encode(attestationObject))
                .add("transports", Json.createArrayBuilder().add("internal").add("hybrid"));
        return credential(response);
    }

    /** @return the parts of a {@code navigator.credentials.get} response, signed */
    public Assertion assertion(byte[] challenge, String origin) {
        if (counting) {
            counter++;
        }
        byte[] authenticatorData =
                new AuthenticatorDataConverter(converter).convert(new AuthenticatorData<>(rpIdHash(), FLAGS, counter));
        byte[] clientData = clientData("webauthn.get", challenge, origin);
        return new Assertion(authenticatorData, clientData, sign(authenticatorData, clientData));
    }

    /** The parts of an assertion, to send as they are or tampered with. */
    final class Assertion {
        final byte[] authenticatorData;
        final byte[] clientData;
        final byte[] signature;

        Assertion(byte[] authenticatorData, byte[] clientData, byte[] signature) {
            this.authenticatorData = authenticatorData;
            this.clientData = clientData;
            this.signature = signature;
        }

        /** @return the response in the {@code PublicKeyCredential.toJSON()} shape */
        String json() {
            return credential(Json.createObjectBuilder()
                    .add("clientDataJSON", encode(clientData))
                    .add("authenticatorData", encode(authenticatorData))
                    .add("signature", encode(signature))
                    .add("userHandle", encode(userHandle)));
        }
    }

    private String credential(JsonObjectBuilder response) {
        return Json.createObjectBuilder()
                .add("id", encode(credentialId))
                .add("rawId", encode(credentialId))
                .add("type", "public-key")
                .add("authenticatorAttachment", "platform")
                .add("clientExtensionResults", Json.createObjectBuilder())
                .add("response", response)
                .build()
                .toString();
    }

    /** Chrome's clientDataJSON, including its hint that other members may come (one the tests may alter). */
    private static byte[] clientData(String type, byte[] challenge, String origin) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("challenge", encode(challenge))
                .add("origin", origin)
                .add("crossOrigin", false)
                .add("other_keys_can_be_added_here", "do not compare clientDataJSON against a template")
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sign(byte[] authenticatorData, byte[] clientData) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(ByteBuffer.allocate(authenticatorData.length + 32)
                    .put(authenticatorData)
                    .put(MessageDigest.getInstance("SHA-256").digest(clientData))
                    .array());
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] rpIdHash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(rpId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
