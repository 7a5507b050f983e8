package dev.usersession.internal.onetimecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryCodesTest {

    @Test
    void generatesDistinctCodesShownInTwoGroupsOfFive() {
        List<String> codes = RecoveryCodes.generate(new SecureRandom(), 10);

        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        for (String code : codes) {
            assertTrue(code.matches("[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}"), code);
            assertTrue(RecoveryCodes.isWellFormed(code), code);
        }
    }

    @Test
    void generatedCodesUseTheWholeAlphabet() {
        String all =
                String.join("", RecoveryCodes.generate(new SecureRandom(), 200)).replace("-", "");
        assertEquals(32, all.chars().distinct().count());
    }

    @Test
    void aCountBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RecoveryCodes.generate(new SecureRandom(), 0));
    }

    @Test
    void caseSpacesAndDashesDoNotMatter() {
        assertEquals("abcdefghjk", RecoveryCodes.normalize("ABCDE-FGHJK"));
        assertEquals("abcdefghjk", RecoveryCodes.normalize(" abcde fghjk "));
        assertEquals("abcdefghjk", RecoveryCodes.normalize("abcdefghjk"));
        assertEquals(RecoveryCodes.hash("ABCDE-FGHJK"), RecoveryCodes.hash(" abcde fghjk "));
    }

    @Test
    void lettersThatLookLikeDigitsAreReadAsThoseDigits() {
        assertEquals("11100abcde", RecoveryCodes.normalize("iLlOo-abcde"));
    }

    @Test
    void hashIsStableSha256InUrlSafeBase64() {
        String hash = RecoveryCodes.hash("abcde-fghjk");

        assertEquals(43, hash.length());
        assertTrue(hash.matches("[A-Za-z0-9_-]{43}"), hash);
        // SHA-256("abcdefghjk"), computed independently: printf abcdefghjk | sha256sum | xxd -r -p | basenc --base64url
        assertEquals("IvPwDX-c_m7u-ptxvcsJOpCA_PSYHS2_kyZI-hWi15M", hash);
        assertNotEquals(hash, RecoveryCodes.hash("abcde-fghjm"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {"", "   ", "abcde", "abcde-fghjk-m", "abcde-fghju", "abcde_fghjk", "ａｂｃｄｅｆｇｈｊｋ", "abcde-fghj!"})
    void junkIsNotWellFormed(String input) {
        assertFalse(RecoveryCodes.isWellFormed(input));
        assertEquals("", RecoveryCodes.normalize(input));
        assertThrows(IllegalArgumentException.class, () -> RecoveryCodes.hash(input));
    }
}
