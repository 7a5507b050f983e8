package dev.usersession.internal.devicebinding;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;

/**
 * A browser's proof of possession, the {@code Secure-Session-Response} header: a JWS in compact form (DBSC proof JWT)
 * with {@code typ: dbsc+jwt}, signed with ES256 (raw r||s, as JWS defines) or RS256, whose {@code jti} is the
 * challenge the server issued. A registration's proof carries the public key in its {@code jwk} header; a refresh's
 * must not (the key is the one bound at registration). Refused: {@code alg: none}, any other algorithm, a missing or
 * other {@code typ}, a {@code crit} header, a missing {@code jti}, a malformed token, a bad signature. Claims this
 * Chromium does not send ({@code aud}, {@code iat}) are accepted and not required.
 *
 * @param algorithm {@code ES256} or {@code RS256}
 * @param key the key the proof was verified with
 * @param challenge the {@code jti} claim
 * @param authorization the {@code authorization} claim, or {@code null}
 */
public record BindingProof(String algorithm, BrowserKey key, String challenge, String authorization) {

    /** A header longer than this is refused unread (an RSA-4096 registration proof is about 1.5 KB). */
    public static final int MAX_LENGTH = 8192;

    private static final String TYPE = "dbsc+jwt";

    /**
     * Reads and verifies a registration's proof, which brings its own key.
     *
     * @throws BindingRefusedException when it is not a valid proof
     */
    public static BindingProof ofRegistration(String jws) {
        Parts parts = Parts.of(jws);
        JsonValue jwk = parts.header().get("jwk");
        if (!(jwk instanceof JsonObject key)) {
            throw new BindingRefusedException("a registration proof carries its key in jwk");
        }
        return parts.verifiedWith(BrowserKey.of(key, parts.algorithm()));
    }

    /**
     * Reads and verifies a refresh's proof with the key bound at registration.
     *
     * @throws BindingRefusedException when it is not a valid proof by that key
     */
    public static BindingProof ofRefresh(String jws, BrowserKey bound) {
        Parts parts = Parts.of(jws);
        if (parts.header().containsKey("jwk")) {
            throw new BindingRefusedException("a refresh proof must not bring a key");
        }
        if (!bound.algorithm().equals(parts.algorithm())) {
            throw new BindingRefusedException("the proof's algorithm is not the bound key's");
        }
        return parts.verifiedWith(bound);
    }

    private record Parts(JsonObject header, JsonObject payload, String signingInput, byte[] signature) {

        static Parts of(String jws) {
            if (jws == null || jws.length() > MAX_LENGTH) {
                throw new BindingRefusedException("no proof, or one too long");
            }
            String[] parts = jws.split("\\.", -1);
            if (parts.length != 3) {
                throw new BindingRefusedException("not a compact JWS");
            }
            JsonObject header = json(parts[0]);
            JsonObject payload = json(parts[1]);
            Parts read = new Parts(header, payload, parts[0] + "." + parts[1], BrowserKey.base64Url(parts[2]));
            if (!TYPE.equals(text(header, "typ"))) {
                throw new BindingRefusedException("typ must be " + TYPE);
            }
            if (header.containsKey("crit")) {
                throw new BindingRefusedException("no critical header is understood");
            }
            read.algorithm();
            if (text(payload, "jti") == null) {
                throw new BindingRefusedException("no jti");
            }
            return read;
        }

        String algorithm() {
            String algorithm = text(header, "alg");
            if (!"ES256".equals(algorithm) && !"RS256".equals(algorithm)) {
                throw new BindingRefusedException("alg must be ES256 or RS256");
            }
            return algorithm;
        }

        BindingProof verifiedWith(BrowserKey key) {
            try {
                Signature verifier = Signature.getInstance(
                        "ES256".equals(key.algorithm()) ? "SHA256withECDSAinP1363Format" : "SHA256withRSA");
                verifier.initVerify(key.key());
                verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                if (!verifier.verify(signature)) {
                    throw new BindingRefusedException("the signature does not verify");
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new BindingRefusedException("the signature does not verify");
            }
            return new BindingProof(key.algorithm(), key, text(payload, "jti"), text(payload, "authorization"));
        }

        private static JsonObject json(String base64) {
            try {
                return Json.createReader(
                                new StringReader(new String(BrowserKey.base64Url(base64), StandardCharsets.UTF_8)))
                        .readObject();
            } catch (RuntimeException e) { // JsonException, and what the parser throws for huge numbers or nesting
                throw new BindingRefusedException("not a JSON object");
            }
        }

        private static String text(JsonObject object, String name) {
            JsonValue value = object.get(name);
            if (value == null) {
                return null;
            }
            if (!(value instanceof JsonString string)) {
                throw new BindingRefusedException(name + " must be a string");
            }
            return string.getString();
        }
    }
}
