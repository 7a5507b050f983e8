package dev.usersession.internal.passkey;

import static dev.usersession.internal.passkey.PasskeyException.MALFORMED;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A browser's {@code PublicKeyCredential.toJSON()} object, read and base64url-decoded but not verified: its
 * credential id and the members of its {@code response}. Every defect is a {@link PasskeyException} "malformed".
 */
final class CredentialJson {

    /** The JSON-P provider, looked up once (each {@code Json.createXxx} call would look it up again). */
    static final JsonProvider JSON = JsonProvider.provider();

    /** Far above any real response (attestation certificates included); longer input is not parsed at all. */
    private static final int MAX_LENGTH = 64 * 1024;

    private final byte[] rawId;
    private final JsonObject response;

    private CredentialJson(byte[] rawId, JsonObject response) {
        this.rawId = rawId;
        this.response = response;
    }

    /** Reads a credential; its id and rawId must agree, its type must be "public-key". */
    static CredentialJson read(String credentialJson) {
        if (credentialJson == null || credentialJson.length() > MAX_LENGTH) {
            throw malformed("The passkey response is missing or too long.");
        }
        JsonObject credential;
        try (var reader = JSON.createReader(new StringReader(credentialJson))) {
            credential = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw malformed("The passkey response is not a JSON object.");
        }
        if (!"public-key".equals(string(credential, "type"))) {
            throw malformed("The credential is not of type public-key.");
        }
        byte[] rawId = decode(string(credential, "rawId"));
        if (rawId.length == 0) {
            throw malformed("The credential's rawId is empty.");
        }
        if (!Arrays.equals(rawId, decode(string(credential, "id")))) {
            throw malformed("The credential's id and rawId differ.");
        }
        if (!(credential.get("response") instanceof JsonObject response)) {
            throw malformed("The credential has no response object.");
        }
        return new CredentialJson(rawId, response);
    }

    /** @return the decoded rawId */
    byte[] rawId() {
        return rawId.clone();
    }

    /** @return the decoded base64url member of the response; missing → malformed */
    byte[] bytes(String member) {
        return decode(string(response, member));
    }

    /** @return the decoded base64url member of the response, empty when absent or null */
    Optional<byte[]> optionalBytes(String member) {
        JsonValue value = response.get(member);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        return Optional.of(bytes(member));
    }

    /** @return the response's transports (strings), empty when absent */
    Set<String> transports() {
        JsonValue value = response.get("transports");
        if (value == null || value == JsonValue.NULL) {
            return Set.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw malformed("The response's transports are not an array.");
        }
        Set<String> transports = new LinkedHashSet<>();
        for (JsonValue transport : array) {
            if (!(transport instanceof JsonString text)) {
                throw malformed("A transport is not a string.");
            }
            transports.add(text.getString());
        }
        return transports;
    }

    /** @return base64url without padding, as WebAuthn's JSON forms use */
    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] decode(String base64url) {
        try {
            return Base64.getUrlDecoder().decode(base64url);
        } catch (IllegalArgumentException e) {
            throw malformed("A member of the passkey response is not base64url.");
        }
    }

    private static String string(JsonObject object, String member) {
        if (!(object.get(member) instanceof JsonString text)) {
            throw malformed("The passkey response has no string member " + member + ".");
        }
        return text.getString();
    }

    private static PasskeyException malformed(String message) {
        return new PasskeyException(MALFORMED, message);
    }
}
