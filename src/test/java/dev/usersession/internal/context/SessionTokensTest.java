package dev.usersession.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    @Test
    void hundredThousandTokensAreDistinctWellFormedAndOfExactLength() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String token = SessionTokens.newToken();
            assertEquals(SessionTokens.LENGTH, token.length());
            assertTrue(SessionTokens.isWellFormed(token), token);
            tokens.add(token);
        }
        assertEquals(100_000, tokens.size());
    }

    @Test
    void hashIsNotTheTokenAndIsStable() {
        String token = SessionTokens.newToken();
        assertEquals(SessionTokens.hash(token), SessionTokens.hash(token));
        assertNotEquals(token, SessionTokens.hash(token));
        assertEquals(SessionTokens.LENGTH, SessionTokens.hash(token).length());
    }

    @Test
    void malformedValuesAreRefused() {
        String valid = SessionTokens.newToken();
        assertFalse(SessionTokens.isWellFormed(null));
        assertFalse(SessionTokens.isWellFormed(""));
        assertFalse(SessionTokens.isWellFormed(valid + "="));
        assertFalse(SessionTokens.isWellFormed(valid.substring(1)));
        assertFalse(SessionTokens.isWellFormed("' OR 1=1 --" + valid.substring(11)));
        assertFalse(SessionTokens.isWellFormed(valid.substring(0, 42) + "B"), "non-canonical last character");
        assertFalse(SessionTokens.isWellFormed(valid.substring(0, 20) + "é" + valid.substring(21)));
    }
}
