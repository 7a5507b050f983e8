package dev.usersession.internal.passkey;

import static dev.usersession.internal.passkey.CredentialJson.JSON;
import static dev.usersession.internal.passkey.CredentialJson.encode;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The options JSON of both ceremonies in the WebAuthn Level 3 JSON shape ({@code
 * PublicKeyCredentialCreationOptionsJSON},
 * {@code PublicKeyCredentialRequestOptionsJSON}): binary members as base64url, ready for the browser script.
 */
final class PasskeyOptions {

    /** How long the browser waits for the user, in milliseconds (five minutes). */
    static final long TIMEOUT_MILLIS = 300_000;

    /** ES256, EdDSA (Ed25519), RS256: in the order of preference the authenticator sees them. */
    static final List<Long> ALGORITHMS = List.of(-7L, -8L, -257L);

    private final JsonObject relyingParty;
    private final String rpId;

    PasskeyOptions(String rpId, String rpName) {
        this.rpId = rpId;
        this.relyingParty =
                JSON.createObjectBuilder().add("id", rpId).add("name", rpName).build();
    }

    /** @return the options of {@code navigator.credentials.create}: a discoverable credential, no attestation */
    String registration(
            byte[] challenge,
            String userName,
            byte[] userHandle,
            String displayName,
            List<byte[]> excludeCredentialIds) {
        JsonArrayBuilder algorithms = JSON.createArrayBuilder();
        for (long algorithm : ALGORITHMS) {
            algorithms.add(JSON.createObjectBuilder().add("type", "public-key").add("alg", algorithm));
        }
        return JSON.createObjectBuilder()
                .add("rp", relyingParty)
                .add(
                        "user",
                        JSON.createObjectBuilder()
                                .add("id", encode(userHandle))
                                .add("name", userName)
                                .add("displayName", displayName))
                .add("challenge", encode(challenge))
                .add("pubKeyCredParams", algorithms)
                .add("timeout", TIMEOUT_MILLIS)
                .add("excludeCredentials", descriptors(excludeCredentialIds))
                .add(
                        "authenticatorSelection",
                        JSON.createObjectBuilder()
                                .add("residentKey", "required")
                                .add("requireResidentKey", true)
                                .add("userVerification", "preferred"))
                .add("attestation", "none")
                .build()
                .toString();
    }

    /** @return the options of {@code navigator.credentials.get}; no allowed ids means any discoverable passkey */
    String authentication(byte[] challenge, List<byte[]> allowCredentialIds) {
        return JSON.createObjectBuilder()
                .add("challenge", encode(challenge))
                .add("timeout", TIMEOUT_MILLIS)
                .add("rpId", rpId)
                .add("allowCredentials", descriptors(allowCredentialIds))
                .add("userVerification", "preferred")
                .build()
                .toString();
    }

    private static JsonArrayBuilder descriptors(List<byte[]> credentialIds) {
        JsonArrayBuilder descriptors = JSON.createArrayBuilder();
        for (byte[] id : credentialIds) {
            descriptors.add(JSON.createObjectBuilder().add("type", "public-key").add("id", encode(id)));
        }
        return descriptors;
    }
}
