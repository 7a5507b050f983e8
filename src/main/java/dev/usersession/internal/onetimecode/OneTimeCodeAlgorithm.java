package dev.usersession.internal.onetimecode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-time codes of authenticator apps: TOTP (RFC 6238), the HOTP code of RFC 4226 with its dynamic truncation,
 * computed over the number of the time step. Instances are immutable and safe to share between threads.
 *
 * <p>{@link #standard()} is what every authenticator app understands: HMAC-SHA1, 6 digits, 30-second steps, and a
 * window of one step either side of the server's clock. A code is accepted once: the caller stores the step that
 * {@link #verify} returned and passes it back as {@code lastUsedStep}, so neither that code nor any earlier one is
 * accepted again. Secrets are not stored here; {@link SecretSealing} seals them for storage.
 */
public final class OneTimeCodeAlgorithm {

    private static final Set<String> ALGORITHMS = Set.of("HmacSHA1", "HmacSHA256", "HmacSHA512");
    private static final int SECRET_BYTES = 20;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final String algorithm;
    private final int digits;
    private final long stepSeconds;
    private final int window;

    private OneTimeCodeAlgorithm(String algorithm, int digits, Duration step, int window) {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("TOTP algorithm must be one of " + ALGORITHMS + ", not " + algorithm);
        }
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("TOTP codes have 6 to 8 digits, not " + digits);
        }
        if (step.isNegative() || step.isZero() || step.getNano() != 0) {
            throw new IllegalArgumentException("TOTP step must be a positive number of seconds, not " + step);
        }
        if (window < 0) {
            throw new IllegalArgumentException("TOTP window must not be negative: " + window);
        }
        this.algorithm = algorithm;
        this.digits = digits;
        this.stepSeconds = step.getSeconds();
        this.window = window;
    }

    /** The number of digits of {@link #standard()} codes. */
    public static final int STANDARD_DIGITS = 6;

    /** @return the secret as base32 without padding, as a user types it into an authenticator app */
    public static String base32(byte[] secret) {
        return Base32.encode(secret);
    }

    /** @return the secret of a base32 text (as an authenticator app shows it); IllegalArgumentException if not */
    public static byte[] fromBase32(String text) {
        return Base32.decode(text);
    }

    /** @return HMAC-SHA1, 6 digits, 30-second steps, one step either side: what authenticator apps expect */
    public static OneTimeCodeAlgorithm standard() {
        return new OneTimeCodeAlgorithm("HmacSHA1", STANDARD_DIGITS, Duration.ofSeconds(30), 1);
    }

    /**
     * @param algorithm {@code HmacSHA1}, {@code HmacSHA256} or {@code HmacSHA512}
     * @param digits    6 to 8
     * @param step      a whole number of seconds (RFC 6238 counts steps from the Unix epoch)
     * @param window    how many steps before and after the current one are accepted too
     * @throws IllegalArgumentException for any other value
     */
    public static OneTimeCodeAlgorithm of(String algorithm, int digits, Duration step, int window) {
        return new OneTimeCodeAlgorithm(
                Objects.requireNonNull(algorithm, "algorithm"), digits, Objects.requireNonNull(step, "step"), window);
    }

    /** @return a new secret of 20 random bytes (160 bits, the length RFC 4226 recommends) */
    public static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /** @return the code of the given time step, with its leading zeros */
    public String codeAt(byte[] secret, long step) {
        return codeAt(mac(secret), step);
    }

    /** @return the number of the time step the instant falls in */
    public long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), stepSeconds);
    }

    /**
     * Checks a code typed by the user against the steps of the window around {@code now}. Every step of the window is
     * computed and compared in constant time, whichever matches.
     *
     * @param code         the code; spaces are ignored
     * @param lastUsedStep the step of the last code accepted for this secret, or {@link Long#MIN_VALUE} for none
     * @return the step whose code matched, later than {@code lastUsedStep} (the latest, should two steps share a
     *         code): store it as the next {@code lastUsedStep}; empty for a wrong, reused or older code and for
     *         malformed input ({@code null}, letters, non-ASCII digits, another length)
     * @throws NullPointerException when {@code secret} or {@code now} is {@code null}
     */
    public OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(now, "now");
        if (!isWellFormed(code, digits)) {
            return OptionalLong.empty();
        }
        byte[] presented = withoutSpaces(code).getBytes(StandardCharsets.US_ASCII);
        Mac mac = mac(secret);
        long current = stepAt(now);
        long matched = Long.MIN_VALUE;
        for (long step = current - window; step <= current + window; step++) {
            boolean equal = MessageDigest.isEqual(codeAt(mac, step).getBytes(StandardCharsets.US_ASCII), presented);
            if (equal && step > lastUsedStep) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** @return whether the text, spaces and surrounding white space removed, is exactly {@code digits} ASCII digits */
    public static boolean isWellFormed(String code, int digits) {
        if (code == null) {
            return false;
        }
        String compact = withoutSpaces(code);
        return compact.length() == digits && compact.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * The key URI that authenticator apps read from a QR code (Google Authenticator's {@code otpauth} format): label
     * {@code Issuer:account}, the secret in base32 without padding, and this instance's algorithm, digits and period.
     *
     * @throws IllegalArgumentException for a blank issuer or account name, or one that contains a colon
     */
    public String otpauthUri(String issuer, String accountName, byte[] secret) {
        String encodedIssuer = percentEncoded(labelPart("issuer", issuer));
        return "otpauth://totp/" + encodedIssuer + ":" + percentEncoded(labelPart("account name", accountName))
                + "?secret=" + Base32.encode(secret) + "&issuer=" + encodedIssuer
                + "&algorithm=" + algorithm.substring("Hmac".length()) + "&digits=" + digits
                + "&period=" + stepSeconds;
    }

    /** RFC 3986 percent-encoding of UTF-8: everything but the unreserved characters, so a space is {@code %20}. */
    private static String percentEncoded(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~';
            out.append(unreserved ? String.valueOf(c) : String.format("%%%02X", (int) c));
        }
        return out.toString();
    }

    private static String labelPart(String what, String value) {
        if (value == null || value.isBlank() || value.indexOf(':') >= 0) {
            throw new IllegalArgumentException("The " + what + " of an otpauth URI must be non-blank, without ':'");
        }
        return value;
    }

    private String codeAt(Mac mac, long step) {
        byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    private Mac mac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + algorithm, e);
        }
    }

    private static String withoutSpaces(String code) {
        return code.strip().replace(" ", "");
    }
}
