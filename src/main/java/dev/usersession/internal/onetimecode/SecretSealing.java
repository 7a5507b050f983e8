package dev.usersession.internal.onetimecode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals small secrets, such as a one-time-code secret, for storage in the database. With a key, a secret is
 * encrypted with AES-256-GCM under a new random 12-byte IV, and bound to its owner (the user name) as additional
 * authenticated data: {@code "v1." + base64url(IV || ciphertext || tag)}. A stolen database row then reveals
 * nothing, and a row altered, or copied to another user, does not open.
 *
 * <p>Without a key ({@link #withoutKey()}), secrets are stored readable: {@code "plain." + base64url(secret)}, not
 * bound to their owner. With a key, plain values are refused: someone who can write the table cannot plant a secret
 * they know. Values sealed with a key never open without it. Instances are immutable and safe to share.
 */
public final class SecretSealing {

    private static final String SEALED = "v1.";
    private static final String PLAIN = "plain.";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKey key;

    private SecretSealing(SecretKey key) {
        this.key = key;
    }

    /**
     * @param key32 an AES-256 key: 32 random bytes (copied)
     * @throws IllegalArgumentException when it is not 32 bytes long
     */
    public static SecretSealing withKey(byte[] key32) {
        if (key32 == null || key32.length != KEY_BYTES) {
            throw new IllegalArgumentException("The sealing key must be 32 bytes (AES-256), not "
                    + (key32 == null ? "none" : key32.length + " bytes"));
        }
        return new SecretSealing(new SecretKeySpec(key32.clone(), "AES"));
    }

    /**
     * @param base64 32 bytes in base64, standard or URL-safe, padding optional ({@code openssl rand -base64 32})
     * @throws IllegalArgumentException when it is not base64 or not 32 bytes; the message never contains the key
     */
    public static SecretSealing fromBase64Key(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder()
                    .decode(Objects.requireNonNull(base64, "base64 key")
                            .strip()
                            .replace('-', '+')
                            .replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The sealing key is not base64; it must be 32 random bytes in base64, "
                    + "such as the output of: openssl rand -base64 32");
        }
        try {
            return withKey(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** @return an instance that stores secrets readable, for deployments without a key */
    public static SecretSealing withoutKey() {
        return new SecretSealing(null);
    }

    /** @return whether secrets are encrypted, that is whether there is a key */
    public boolean encrypts() {
        return key != null;
    }

    /** @return the secret as it is stored, bound to {@code boundTo} (the user name) when there is a key */
    public String seal(byte[] secret, String boundTo) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(boundTo, "boundTo");
        if (key == null) {
            return PLAIN + ENCODER.encodeToString(secret);
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, new GCMParameterSpec(TAG_BITS, iv), boundTo)
                    .doFinal(secret);
            return SEALED
                    + ENCODER.encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + CIPHER, e);
        }
    }

    /**
     * @param stored  a value that {@link #seal} returned
     * @param boundTo the user name it was sealed for
     * @return the secret
     * @throws IllegalStateException ("stored secret cannot be opened: ...", never with the secret) when the value was
     *                               altered, sealed with another key or for another user, has an unknown format, was
     *                               sealed with a key and there is none, or is plain and there is a key
     */
    public byte[] open(String stored, String boundTo) {
        Objects.requireNonNull(boundTo, "boundTo");
        if (stored != null && stored.startsWith(SEALED)) {
            if (key == null) {
                throw refused("it was sealed with a key, and no key is configured");
            }
            byte[] bytes = decoded(stored.substring(SEALED.length()));
            if (bytes.length < IV_BYTES + TAG_BITS / 8) {
                throw refused("it is too short");
            }
            try {
                return cipher(Cipher.DECRYPT_MODE, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES), boundTo)
                        .doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            } catch (AEADBadTagException e) {
                throw refused("another key, an altered value, or a value sealed for another user");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Every Java runtime has " + CIPHER, e);
            }
        }
        if (stored != null && stored.startsWith(PLAIN)) {
            if (key != null) {
                throw refused("it is stored unencrypted, and a key is configured");
            }
            return decoded(stored.substring(PLAIN.length()));
        }
        throw refused("its format is unknown");
    }

    private Cipher cipher(int mode, GCMParameterSpec parameters, String boundTo) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, key, parameters);
        cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] decoded(String base64url) {
        try {
            return Base64.getUrlDecoder().decode(base64url);
        } catch (IllegalArgumentException e) {
            throw refused("it is not base64url");
        }
    }

    private static IllegalStateException refused(String reason) {
        return new IllegalStateException("stored secret cannot be opened: " + reason);
    }
}
