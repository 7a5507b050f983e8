package dev.usersession.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Cookie pairs a container cannot parse are dropped; all others are kept as they were. */
class CookieHeadersTest {

    private static final String SESSION = "__Host-usersession=AbC-_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

    @Test
    void pairsWithNonAsciiOrControlBytesAreDroppedAndTheOthersKept() {
        // "é" as a server reads raw UTF-8 bytes: two ISO-8859-1 characters
        String header = "other=caf\u00c3\u00a9; " + SESSION + "; ctl=a\u0001b; theme=dark";
        assertTrue(CookieHeaders.hasUnparseableBytes(header));
        assertEquals(SESSION + "; theme=dark", CookieHeaders.withoutUnparseablePairs(header));
    }

    @Test
    void aHeaderOfOnlyUnparseablePairsBecomesEmpty() {
        assertEquals("", CookieHeaders.withoutUnparseablePairs("a=\u007f; b=\u00ff"));
    }

    @Test
    void printableAsciiAndTabsAreParseable() {
        assertFalse(CookieHeaders.hasUnparseableBytes(SESSION + "; x=\"quoted value\"; y=a\tb"));
    }
}
