package dev.usersession.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.testing.Containers;
import dev.usersession.testing.LogCapture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionCookieTest {

    private static final String SECURE = "usersession.cookie.secure";

    @AfterEach
    void restoreDefault() {
        System.clearProperty(SECURE);
    }

    @Test
    void turningTheSecureCookieOffIsLoggedOnceAtStartupWithWhatItCosts() {
        System.setProperty(SECURE, "false");
        try (LogCapture log = LogCapture.of(SessionCookie.class.getName())) {
            Containers.boot().close();
            List<String> warnings = log.messages();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("usersession.cookie.secure=false"), warnings.get(0));
            assertTrue(warnings.get(0).contains("Secure"), warnings.get(0));
            assertTrue(warnings.get(0).contains("__Host-"), warnings.get(0));
        }
    }

    @Test
    void theDefaultSecureCookieLogsNothing() {
        try (LogCapture log = LogCapture.of(SessionCookie.class.getName())) {
            Containers.boot().close();
            assertEquals(List.of(), log.messages());
        }
    }
}
