package dev.usersession.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The key a browser with Device Bound Session Credentials keeps, played by the test: an EC P-256 key (ES256, raw
 * r||s signatures as Chromium sends) or an RSA key (RS256), and the proof JWTs it signs.
 */
public final class DeviceKey {

    private final String algorithm;
    private final KeyPair pair;

    private DeviceKey(String algorithm, KeyPair pair) {
        this.algorithm = algorithm;
        this.pair = pair;
    }

    public static DeviceKey ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new DeviceKey("ES256", generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DeviceKey rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new DeviceKey("RS256", generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the public key as a JSON Web Key */
    public String jwk() {
        if (pair.getPublic() instanceof ECPublicKey ec) {
            return "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\""
                    + unsigned(ec.getW().getAffineX()) + "\",\"y\":\""
                    + unsigned(ec.getW().getAffineY()) + "\"}";
        }
        RSAPublicKey rsa = (RSAPublicKey) pair.getPublic();
        return "{\"e\":\"" + base64(rsa.getPublicExponent().toByteArray()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64(stripSign(rsa.getModulus().toByteArray())) + "\"}";
    }

    /** @return a registration proof: the key in the header, the challenge and authorization in the claims */
    public String registration(String challenge, String authorization) {
        return signed(
                "{\"alg\":\"" + algorithm + "\",\"jwk\":" + jwk() + ",\"typ\":\"dbsc+jwt\"}",
                "{\"authorization\":\"" + authorization + "\",\"jti\":\"" + challenge + "\"}");
    }

    /** @return a refresh proof: no key in the header */
    public String refresh(String challenge) {
        return signed("{\"alg\":\"" + algorithm + "\",\"typ\":\"dbsc+jwt\"}", "{\"jti\":\"" + challenge + "\"}");
    }

    /** @return a JWS of this header and payload, signed with this key's algorithm whatever the header says */
    public String signed(String header, String payload) {
        String input = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer =
                    Signature.getInstance(algorithm.equals("ES256") ? "SHA256withECDSAinP1363Format" : "SHA256withRSA");
            signer.initSign(pair.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String unsigned(BigInteger coordinate) {
        byte[] bytes = stripSign(coordinate.toByteArray());
        byte[] padded = new byte[32];
        System.arraycopy(bytes, 0, padded, 32 - bytes.length, bytes.length);
        return base64(padded);
    }

    private static byte[] stripSign(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
