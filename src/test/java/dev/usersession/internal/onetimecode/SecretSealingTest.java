package dev.usersession.internal.onetimecode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretSealingTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret = OneTimeCodeAlgorithm.newSecret(RANDOM);
    private final SecretSealing sealing = SecretSealing.withKey(newKey());

    private static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    @Test
    void aSealedSecretOpensForItsOwner() {
        String sealed = sealing.seal(secret, "ann");

        assertTrue(sealed.startsWith("v1."), sealed);
        assertEquals("v1.".length() + 64, sealed.length(), "12-byte IV, 20-byte secret, 16-byte tag in base64url");
        assertFalse(sealed.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(secret)));
        assertArrayEquals(secret, sealing.open(sealed, "ann"));
        assertTrue(sealing.encrypts());
    }

    @Test
    void sealingTwiceGivesDifferentValues() {
        assertNotEquals(sealing.seal(secret, "ann"), sealing.seal(secret, "ann"));
    }

    @Test
    void anAlteredValueIsRefused() {
        String sealed = sealing.seal(secret, "ann");
        int middle = sealed.length() / 2;
        char other = sealed.charAt(middle) == 'A' ? 'B' : 'A';
        String altered = sealed.substring(0, middle) + other + sealed.substring(middle + 1);

        assertRefused(() -> sealing.open(altered, "ann"));
    }

    @Test
    void aValueSealedForAnotherUserIsRefused() {
        String sealed = sealing.seal(secret, "ann");
        assertRefused(() -> sealing.open(sealed, "bob"));
    }

    @Test
    void aValueSealedWithAnotherKeyIsRefused() {
        String sealed = SecretSealing.withKey(newKey()).seal(secret, "ann");
        assertRefused(() -> sealing.open(sealed, "ann"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v2.AAAA", "v1.", "v1.AAAA", "v1.not*base64", "plain.AAAA", "AAAA"})
    void unknownTruncatedAndPlainValuesAreRefusedWithAKey(String stored) {
        assertRefused(() -> sealing.open(stored, "ann"));
    }

    @Test
    void withoutAKeySecretsAreStoredReadable() {
        SecretSealing plain = SecretSealing.withoutKey();
        String sealed = plain.seal(secret, "ann");

        assertFalse(plain.encrypts());
        assertEquals("plain." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret), sealed);
        assertArrayEquals(secret, plain.open(sealed, "ann"));
    }

    @Test
    void withoutAKeyASealedValueIsRefused() {
        String sealed = sealing.seal(secret, "ann");
        assertRefused(() -> SecretSealing.withoutKey().open(sealed, "ann"));
    }

    @Test
    void aBase64KeyOpensWhatItsBytesSealed() {
        byte[] key = newKey();
        String sealed = SecretSealing.withKey(key).seal(secret, "ann");

        assertArrayEquals(
                secret,
                SecretSealing.fromBase64Key(Base64.getEncoder().encodeToString(key))
                        .open(sealed, "ann"));
        assertArrayEquals(
                secret,
                SecretSealing.fromBase64Key(
                                Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\n")
                        .open(sealed, "ann"));
    }

    @Test
    void keysOfAnotherLengthOrNotBase64AreRefusedWithAClearMessage() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalArgumentException wrongLength =
                assertThrows(IllegalArgumentException.class, () -> SecretSealing.fromBase64Key(shortKey));
        assertTrue(wrongLength.getMessage().contains("32 bytes"), wrongLength.getMessage());
        assertFalse(wrongLength.getMessage().contains(shortKey));

        IllegalArgumentException notBase64 =
                assertThrows(IllegalArgumentException.class, () -> SecretSealing.fromBase64Key("not a key!"));
        assertTrue(notBase64.getMessage().contains("base64"), notBase64.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SecretSealing.withKey(new byte[31]));
    }

    private void assertRefused(Executable open) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, open);
        assertTrue(refused.getMessage().startsWith("stored secret cannot be opened"), refused.getMessage());
        assertFalse(refused.getMessage()
                .contains(Base64.getUrlEncoder().withoutPadding().encodeToString(secret)));
    }
}
