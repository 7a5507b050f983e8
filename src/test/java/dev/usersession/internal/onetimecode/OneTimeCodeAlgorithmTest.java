package dev.usersession.internal.onetimecode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OneTimeCodeAlgorithmTest {

    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_015L);

    private final OneTimeCodeAlgorithm totp = OneTimeCodeAlgorithm.standard();

    private static byte[] rfc6238Seed(int length) {
        return "1234567890".repeat(7).substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }

    /** RFC 6238 Appendix B, every row. */
    @ParameterizedTest(name = "{1} at {0}")
    @CsvSource({
        "59, HmacSHA1, 20, 94287082",
        "59, HmacSHA256, 32, 46119246",
        "59, HmacSHA512, 64, 90693936",
        "1111111109, HmacSHA1, 20, 07081804",
        "1111111109, HmacSHA256, 32, 68084774",
        "1111111109, HmacSHA512, 64, 25091201",
        "1111111111, HmacSHA1, 20, 14050471",
        "1111111111, HmacSHA256, 32, 67062674",
        "1111111111, HmacSHA512, 64, 99943326",
        "1234567890, HmacSHA1, 20, 89005924",
        "1234567890, HmacSHA256, 32, 91819424",
        "1234567890, HmacSHA512, 64, 93441116",
        "2000000000, HmacSHA1, 20, 69279037",
        "2000000000, HmacSHA256, 32, 90698825",
        "2000000000, HmacSHA512, 64, 38618901",
        "20000000000, HmacSHA1, 20, 65353130",
        "20000000000, HmacSHA256, 32, 77737706",
        "20000000000, HmacSHA512, 64, 47863826",
    })
    void codesMatchTheTestVectorsOfRfc6238(long seconds, String algorithm, int seedLength, String expected) {
        OneTimeCodeAlgorithm codes = OneTimeCodeAlgorithm.of(algorithm, 8, Duration.ofSeconds(30), 1);
        byte[] seed = rfc6238Seed(seedLength);
        Instant time = Instant.ofEpochSecond(seconds);
        long step = codes.stepAt(time);

        assertEquals(expected, codes.codeAt(seed, step));
        assertEquals(OptionalLong.of(step), codes.verify(seed, expected, time, Long.MIN_VALUE));
    }

    /** RFC 4226 Appendix D: the six-digit truncation. */
    @Test
    void hotpCodesMatchTheTestVectorsOfRfc4226() {
        String[] expected = {
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"
        };
        for (int counter = 0; counter < expected.length; counter++) {
            assertEquals(expected[counter], totp.codeAt(RFC_SEED, counter), "counter " + counter);
        }
    }

    @Test
    void codesOfOneStepEitherSideAreAccepted() {
        long now = totp.stepAt(NOW);
        for (long step = now - 1; step <= now + 1; step++) {
            assertEquals(OptionalLong.of(step), totp.verify(RFC_SEED, totp.codeAt(RFC_SEED, step), NOW, 0));
        }
    }

    @Test
    void codesOfTwoStepsAwayAreRefused() {
        long now = totp.stepAt(NOW);
        assertTrue(totp.verify(RFC_SEED, totp.codeAt(RFC_SEED, now - 2), NOW, 0).isEmpty());
        assertTrue(totp.verify(RFC_SEED, totp.codeAt(RFC_SEED, now + 2), NOW, 0).isEmpty());
    }

    @Test
    void aCodeIsAcceptedOnlyOnce() {
        String code = totp.codeAt(RFC_SEED, totp.stepAt(NOW));
        long used = totp.verify(RFC_SEED, code, NOW, 0).orElseThrow();

        assertTrue(totp.verify(RFC_SEED, code, NOW, used).isEmpty());
        assertTrue(totp.verify(RFC_SEED, code, NOW.plusSeconds(20), used).isEmpty());
    }

    @Test
    void anOlderCodeIsRefusedAfterANewerOne() {
        long now = totp.stepAt(NOW);
        long used =
                totp.verify(RFC_SEED, totp.codeAt(RFC_SEED, now + 1), NOW, 0).orElseThrow();

        assertTrue(totp.verify(RFC_SEED, totp.codeAt(RFC_SEED, now), NOW, used).isEmpty());
        assertTrue(
                totp.verify(RFC_SEED, totp.codeAt(RFC_SEED, now - 1), NOW, used).isEmpty());
    }

    @Test
    void aWrongCodeIsRefused() {
        String right = totp.codeAt(RFC_SEED, totp.stepAt(NOW));
        String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
        assertTrue(totp.verify(RFC_SEED, wrong, NOW, 0).isEmpty());
    }

    @Test
    void spacesInACodeAreIgnored() {
        String code = totp.codeAt(RFC_SEED, totp.stepAt(NOW));
        String typed = " " + code.substring(0, 3) + " " + code.substring(3) + "\n";
        assertTrue(totp.verify(RFC_SEED, typed, NOW, 0).isPresent());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "12345", "1234567", "abcdef", "１２３４５６", "12345a", "-12345", "+123456"})
    void malformedCodesAreRefusedWithoutAnException(String code) {
        assertFalse(OneTimeCodeAlgorithm.isWellFormed(code, 6));
        assertTrue(totp.verify(RFC_SEED, code, NOW, Long.MIN_VALUE).isEmpty());
    }

    @Test
    void newSecretsAre160RandomBits() {
        SecureRandom random = new SecureRandom();
        byte[] one = OneTimeCodeAlgorithm.newSecret(random);
        assertEquals(20, one.length);
        assertFalse(Arrays.equals(one, OneTimeCodeAlgorithm.newSecret(random)));
    }

    @Test
    void otpauthUriFollowsTheKeyUriFormatWithPercentEncoding() {
        String uri = totp.otpauthUri("Shop & Co", "ann@example.com", RFC_SEED);

        assertEquals(
                "otpauth://totp/Shop%20%26%20Co:ann%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Shop%20%26%20Co&algorithm=SHA1&digits=6&period=30",
                uri);
        URI parsed = URI.create(uri);
        assertEquals("/Shop & Co:ann@example.com", parsed.getPath());
        assertArrayEquals(RFC_SEED, Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    }

    @Test
    void otpauthUriNamesTheAlgorithmDigitsAndPeriodInUse() {
        OneTimeCodeAlgorithm codes = OneTimeCodeAlgorithm.of("HmacSHA256", 8, Duration.ofSeconds(60), 1);
        assertTrue(codes.otpauthUri("Shop", "ann", RFC_SEED).endsWith("&algorithm=SHA256&digits=8&period=60"));
    }

    @Test
    void otpauthUriRefusesColonsAndBlankNames() {
        assertThrows(IllegalArgumentException.class, () -> totp.otpauthUri("Shop:Co", "ann", RFC_SEED));
        assertThrows(IllegalArgumentException.class, () -> totp.otpauthUri("Shop", "ann:x", RFC_SEED));
        assertThrows(IllegalArgumentException.class, () -> totp.otpauthUri(" ", "ann", RFC_SEED));
    }

    @Test
    void unsupportedSettingsAreRefused() {
        Duration step = Duration.ofSeconds(30);
        assertThrows(IllegalArgumentException.class, () -> OneTimeCodeAlgorithm.of("HmacMD5", 6, step, 1));
        assertThrows(IllegalArgumentException.class, () -> OneTimeCodeAlgorithm.of("HmacSHA1", 5, step, 1));
        assertThrows(IllegalArgumentException.class, () -> OneTimeCodeAlgorithm.of("HmacSHA1", 6, Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> OneTimeCodeAlgorithm.of("HmacSHA1", 6, step, -1));
    }
}
