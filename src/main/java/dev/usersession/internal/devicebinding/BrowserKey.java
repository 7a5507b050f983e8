package dev.usersession.internal.devicebinding;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * A browser's public key, read from a JSON Web Key (RFC 7517): an EC key on P-256 (for ES256), whose point is checked
 * to lie on the curve, or an RSA key of 2048 bits or more with an odd public exponent (for RS256). Stored as its
 * canonical JSON (RFC 7638: the required members only, in lexicographic order, no whitespace), which is also what the
 * key's thumbprint is computed over.
 *
 * @param algorithm {@code ES256} or {@code RS256}, the one signature algorithm this key is used with
 * @param key the public key
 * @param canonicalJson the key's canonical JSON
 */
public record BrowserKey(String algorithm, PublicKey key, String canonicalJson) {

    private static final int MAX_JSON_LENGTH = 2000;
    private static final int MIN_RSA_BITS = 2048;
    private static final int MAX_RSA_BITS = 8192;
    private static final BigInteger P256_P =
            new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger P256_B =
            new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
    private static final BigInteger THREE = BigInteger.valueOf(3);

    /**
     * @return the key of a JSON Web Key object, for the algorithm the proof named
     * @throws BindingRefusedException for another key type, curve or size, a point off the curve, or a malformed key
     */
    public static BrowserKey of(JsonObject jwk, String algorithm) {
        String type = text(jwk, "kty");
        try {
            if ("ES256".equals(algorithm) && "EC".equals(type)) {
                return ec(jwk);
            }
            if ("RS256".equals(algorithm) && "RSA".equals(type)) {
                return rsa(jwk);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new BindingRefusedException("unreadable key");
        }
        throw new BindingRefusedException("a " + type + " key does not sign " + algorithm);
    }

    /** @return the key stored as canonical JSON */
    public static BrowserKey stored(String canonicalJson) {
        if (canonicalJson == null || canonicalJson.length() > MAX_JSON_LENGTH) {
            throw new BindingRefusedException("no stored key");
        }
        JsonObject jwk;
        try {
            jwk = Json.createReader(new StringReader(canonicalJson)).readObject();
        } catch (RuntimeException e) {
            throw new BindingRefusedException("the stored key is not JSON");
        }
        return of(jwk, "EC".equals(text(jwk, "kty")) ? "ES256" : "RS256");
    }

    private static BrowserKey ec(JsonObject jwk) throws GeneralSecurityException {
        if (!"P-256".equals(text(jwk, "crv"))) {
            throw new BindingRefusedException("an EC key must be on P-256");
        }
        String x = text(jwk, "x");
        String y = text(jwk, "y");
        BigInteger px = coordinate(x);
        BigInteger py = coordinate(y);
        if (px.compareTo(P256_P) >= 0
                || py.compareTo(P256_P) >= 0
                || !py.modPow(BigInteger.TWO, P256_P)
                        .equals(px.pow(3)
                                .subtract(px.multiply(THREE))
                                .add(P256_B)
                                .mod(P256_P))) {
            throw new BindingRefusedException("the EC point is not on P-256");
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(px, py), curve));
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
        return new BrowserKey("ES256", key, canonical);
    }

    private static BrowserKey rsa(JsonObject jwk) throws GeneralSecurityException {
        String n = text(jwk, "n");
        String e = text(jwk, "e");
        BigInteger modulus = new BigInteger(1, base64Url(n));
        BigInteger exponent = new BigInteger(1, base64Url(e));
        if (modulus.bitLength() < MIN_RSA_BITS || modulus.bitLength() > MAX_RSA_BITS) {
            throw new BindingRefusedException("an RSA key must have 2048 to 8192 bits");
        }
        if (!exponent.testBit(0) || exponent.compareTo(THREE) < 0 || exponent.bitLength() > 32) {
            throw new BindingRefusedException("an RSA key's exponent must be odd, at least 3, at most 32 bits");
        }
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        String canonical = "{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}";
        return new BrowserKey("RS256", key, canonical);
    }

    private static BigInteger coordinate(String base64) {
        byte[] bytes = base64Url(base64);
        if (bytes.length != 32) {
            throw new BindingRefusedException("a P-256 coordinate has 32 bytes");
        }
        return new BigInteger(1, bytes);
    }

    /** Decodes unpadded base64url, refusing other characters (the canonical JSON is built from these texts). */
    static byte[] base64Url(String text) {
        if (text.isEmpty() || !text.chars().allMatch(BrowserKey::isBase64Url)) {
            throw new BindingRefusedException("not base64url");
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new BindingRefusedException("not base64url");
        }
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (!(value instanceof JsonString string)) {
            throw new BindingRefusedException("the key has no " + name);
        }
        return string.getString();
    }
}
