package dev.usersession.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.auth.FactorRefusedException;
import dev.usersession.auth.FactorRefusedException.Reason;
import dev.usersession.auth.OneTimeCodeEnrollment;
import dev.usersession.auth.TooManyAttemptsException;
import dev.usersession.internal.login.LoginThrottle;
import dev.usersession.internal.onetimecode.OneTimeCodeAlgorithm;
import dev.usersession.internal.onetimecode.OneTimeCodeFactor;
import dev.usersession.testing.Containers;
import dev.usersession.testing.TestDatabase;
import jakarta.enterprise.inject.se.SeContainer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** One-time codes and recovery codes as the library stores and checks them (H2, both JPA providers). */
class OneTimeCodesTest {

    private static final OneTimeCodeAlgorithm TOTP = OneTimeCodeAlgorithm.standard();

    private SeContainer container;
    private OneTimeCodeFactor codes;
    private final String user = "otp-" + System.nanoTime();
    private long confirmedStep;

    @BeforeEach
    void boot() {
        container = Containers.boot();
        codes = container.select(OneTimeCodeFactor.class).get();
    }

    @AfterEach
    void close() {
        container.close();
    }

    @Test
    void aSecretCountsOnlyOnceAFirstCodeConfirmsIt() {
        OneTimeCodeEnrollment enrollment = codes.enroll(user);
        assertTrue(enrollment.otpauthUri().startsWith("otpauth://totp/"));
        assertTrue(enrollment.qrCode().startsWith("data:image/svg+xml;base64,"));
        assertFalse(codes.isEnabled(user), "not before confirmation");
        byte[] secret = OneTimeCodeAlgorithm.fromBase32(enrollment.secret());

        assertRefused(Reason.WRONG_CODE, () -> codes.confirm(user, wrong(codeNow(secret))));
        List<String> recovery = codes.confirm(user, codeNow(secret));

        assertTrue(codes.isEnabled(user));
        assertEquals(10, recovery.size());
        assertEquals(10, codes.recoveryCodesLeft(user));
        assertRefused(Reason.ALREADY_ENABLED, () -> codes.enroll(user));
    }

    @Test
    void aCodeIsAcceptedOnceAndAnEarlierOneNeverAfterIt() {
        byte[] secret = enabled();
        long step = confirmedStep;
        // The confirmation used this step's code: neither it nor the step before is accepted again.
        assertRefused(Reason.WRONG_CODE, () -> codes.verify(user, TOTP.codeAt(secret, step)));
        assertRefused(Reason.WRONG_CODE, () -> codes.verify(user, TOTP.codeAt(secret, step - 1)));
        codes.verify(user, TOTP.codeAt(secret, step + 1));
        assertRefused(Reason.WRONG_CODE, () -> codes.verify(user, TOTP.codeAt(secret, step + 1)));
    }

    @Test
    void aRecoveryCodeWorksOnceAndMalformedInputIsAClearRefusal() {
        OneTimeCodeEnrollment enrollment = codes.enroll(user);
        List<String> recovery = codes.confirm(user, codeNow(OneTimeCodeAlgorithm.fromBase32(enrollment.secret())));

        codes.verify(user, recovery.get(3).toUpperCase());
        assertRefused(Reason.WRONG_CODE, () -> codes.verify(user, recovery.get(3)));
        assertEquals(9, codes.recoveryCodesLeft(user));
        for (String junk : new String[] {"", "12 34", "abc", "'; drop table user_totp; --", "x".repeat(60)}) {
            assertRefused(Reason.MALFORMED_CODE, () -> codes.verify(user, junk));
        }
        for (String wrongRecovery : new String[] {"aaaaa-aaaaa", recovery.get(0).replace('-', ' ') + "x"}) {
            assertThrows(FactorRefusedException.class, () -> codes.verify(user, wrongRecovery));
        }
        assertRefused(Reason.NOT_ENABLED, () -> codes.verify("nobody-" + System.nanoTime(), "123456"));
    }

    @Test
    void wrongCodesAreThrottledOnTheUsersOwnCounter() {
        byte[] secret = enabled();
        FactorLogins logins = container.select(FactorLogins.class).get();
        String wrong = TOTP.codeAt(secret, confirmedStep + 1000); // a valid form, never in the window
        int refused = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            try {
                logins.checkCode(user, wrong);
            } catch (FactorRefusedException refusedCode) {
                assertEquals(Reason.WRONG_CODE, refusedCode.reason());
            } catch (TooManyAttemptsException throttled) {
                refused++;
            }
        }
        assertTrue(refused > 0, "after a few wrong codes the user's code attempts must wait");
    }

    @Test
    void oneTimeCodesLockedAfterAHundredWrongStillTakeARecoveryCodeWhichEndsTheLock() {
        OneTimeCodeEnrollment enrollment = codes.enroll(user);
        byte[] secret = OneTimeCodeAlgorithm.fromBase32(enrollment.secret());
        confirmedStep = TOTP.stepAt(Instant.now());
        List<String> recovery = codes.confirm(user, TOTP.codeAt(secret, confirmedStep));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        TestDatabase.update(
                "insert into login_attempts (subject, attempts, window_start, updated) values (?, ?, ?, ?)",
                "c:" + HexFormat.of().formatHex(sha256(user)),
                LoginThrottle.LOCK_AFTER,
                now,
                now);
        FactorLogins logins = container.select(FactorLogins.class).get();
        String nextCode = TOTP.codeAt(secret, confirmedStep + 1);

        assertThrows(
                TooManyAttemptsException.class,
                () -> logins.checkCode(user, nextCode),
                "100 wrong codes in a row lock one-time codes, even the right one");
        logins.checkCode(user, recovery.get(0));
        logins.checkCode(user, nextCode); // a right recovery code ended the lock
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void disablingRemovesTheSecretAndTheRecoveryCodes() {
        enabled();
        assertTrue(codes.disable(user));
        assertFalse(codes.isEnabled(user));
        assertEquals(0, codes.recoveryCodesLeft(user));
    }

    private byte[] enabled() {
        OneTimeCodeEnrollment enrollment = codes.enroll(user);
        byte[] secret = OneTimeCodeAlgorithm.fromBase32(enrollment.secret());
        confirmedStep = TOTP.stepAt(Instant.now());
        codes.confirm(user, TOTP.codeAt(secret, confirmedStep));
        return secret;
    }

    private static String codeNow(byte[] secret) {
        return TOTP.codeAt(secret, TOTP.stepAt(Instant.now()));
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    private static void assertRefused(Reason reason, Executable call) {
        FactorRefusedException refused = assertThrows(FactorRefusedException.class, call);
        assertEquals(reason, refused.reason());
    }
}
