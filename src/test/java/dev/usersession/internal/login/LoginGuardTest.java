package dev.usersession.internal.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.internal.account.UserNames;
import dev.usersession.internal.context.SessionTokens;
import dev.usersession.testing.Containers;
import dev.usersession.testing.MovableClock;
import dev.usersession.testing.Settings;
import dev.usersession.testing.TestDatabase;
import jakarta.enterprise.inject.se.SeContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Login throttling: counted before the check, the same for every name and every spelling of it, per address (an IPv6
 * /64) and tightened under a spray, devices, one-time codes' lock, and no rows for refused attempts.
 */
class LoginGuardTest {

    private Settings settings;
    private SeContainer container;
    private LoginGuard guard;

    private void boot(String... settingsAndValues) {
        settings = Settings.of(settingsAndValues);
        container = Containers.boot(MovableClock.class);
        guard = container.select(LoginGuard.class).get();
    }

    @AfterEach
    void shutDown() {
        container.close();
        settings.close();
        MovableClock.reset();
    }

    private static LoginAttempt attempt(String name, String address) {
        return new LoginAttempt(name, address, null);
    }

    private static String someName() {
        return "name-" + UUID.randomUUID();
    }

    private static String someAddress() {
        return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "."
                + (int) (Math.random() * 250);
    }

    @Test
    void parallelGuessesForOneNameAreCountedBeforeTheyAreChecked() throws Exception {
        boot("usersession.login.global-limit", "0");
        String name = someName();
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LoginAdmission>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String address = someAddress();
            Callable<LoginAdmission> guess = () -> {
                start.await();
                return guard.admit(attempt(name, address));
            };
            answers.add(pool.submit(guess));
        }
        start.countDown();
        int admitted = 0;
        for (Future<LoginAdmission> answer : answers) {
            admitted += answer.get().admitted() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(5, admitted, "only the free attempts may reach a password check");
    }

    @Test
    void anUnknownNameAndAKnownNameAreThrottledAlike() {
        boot("usersession.login.global-limit", "0");
        // LoginGuard never asks whether an account exists: a name is a name. The HTTP test compares the answers.
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        String a = someName();
        String b = someName();
        for (int i = 0; i < 7; i++) {
            first.add(describe(guard.admit(attempt(a, someAddress()))));
            second.add(describe(guard.admit(attempt(b, someAddress()))));
        }
        assertEquals(first, second);
        assertEquals(List.of("admitted", "admitted", "admitted", "admitted", "admitted", "wait 1", "wait 1"), first);
    }

    private static String describe(LoginAdmission admission) {
        return admission.admitted()
                ? "admitted"
                : (admission.locked() ? "locked " : "wait ")
                        + Math.max(1, (admission.retryAfter().toMillis() + 999) / 1000);
    }

    @Test
    void attemptsDuringAWaitAreNotCountedAndASuccessClearsTheCount() {
        boot("usersession.login.global-limit", "0");
        String name = someName();
        for (int i = 0; i < 5; i++) {
            assertTrue(guard.admit(attempt(name, null)).admitted());
        }
        for (int i = 0; i < 20; i++) {
            assertFalse(guard.admit(attempt(name, null)).admitted());
        }
        MovableClock.advance(Duration.ofSeconds(2));
        LoginAdmission sixth = guard.admit(attempt(name, null));
        assertTrue(sixth.admitted(), "the refused attempts did not lengthen the wait");
        guard.succeeded(sixth);
        for (int i = 0; i < 5; i++) {
            assertTrue(guard.admit(attempt(name, null)).admitted(), "a success starts the count again");
        }
    }

    @Test
    void hundredFailuresInARowLockTheNameUntilATrustedDeviceLogsIn() {
        boot("usersession.login.global-limit", "0");
        String name = someName();
        String ownersDevice = guard.rememberDevice(name);
        for (int i = 0; i < 100; i++) {
            assertTrue(guard.admit(attempt(name, someAddress())).admitted(), "attempt " + i);
            MovableClock.advance(Duration.ofMinutes(16));
        }
        LoginAdmission refused = guard.admit(attempt(name, someAddress()));
        assertTrue(refused.locked());
        MovableClock.advance(Duration.ofDays(3));
        assertTrue(guard.admit(attempt(name, someAddress())).locked(), "the lock does not end by itself");

        LoginAdmission owner = guard.admit(new LoginAttempt(name, someAddress(), ownersDevice));
        assertTrue(owner.admitted() && owner.trustedDevice(), "the owner's browser keeps its own allowance");
        guard.succeeded(owner);
        assertTrue(guard.admit(attempt(name, someAddress())).admitted(), "a trusted device's login ends the lock");
    }

    @Test
    void aResetEndsALock() {
        boot("usersession.login.global-limit", "0");
        String name = someName();
        for (int i = 0; i < 100; i++) {
            guard.admit(attempt(name, null));
            MovableClock.advance(Duration.ofMinutes(16));
        }
        assertTrue(guard.admit(attempt(name, null)).locked());
        guard.reset(name);
        assertTrue(guard.admit(attempt(name, null)).admitted());
    }

    @Test
    void whileAnAttackerKeepsANameThrottledItsOwnerStillLogsInFromHisBrowser() {
        boot("usersession.login.global-limit", "0");
        String name = someName();
        String ownersDevice = guard.rememberDevice(name);
        String attacker = someAddress();
        for (int i = 0; i < 30; i++) {
            guard.admit(attempt(name, attacker));
        }
        assertFalse(guard.admit(attempt(name, attacker)).admitted());
        assertFalse(guard.admit(attempt(name, someAddress())).admitted(), "the name waits, from any new client");
        assertTrue(
                guard.admit(new LoginAttempt(name, someAddress(), ownersDevice)).admitted());
        assertFalse(
                guard.admit(new LoginAttempt(someName(), attacker, ownersDevice))
                        .trustedDevice(),
                "a device is trusted only for its own user");
        assertFalse(
                guard.admit(new LoginAttempt(name, attacker, SessionTokens.newToken()))
                        .trustedDevice(),
                "an unknown device cookie is no trusted device");
    }

    @Test
    void oneClientAddressGetsALimitedNumberOfFailuresAcrossNames() {
        boot(
                "usersession.login.global-limit",
                "0",
                "usersession.login.address-limit",
                "10",
                "usersession.login.address-window",
                "PT10M");
        String attacker = someAddress();
        for (int i = 0; i < 10; i++) {
            assertTrue(guard.admit(attempt(someName(), attacker)).admitted());
        }
        LoginAdmission refused = guard.admit(attempt(someName(), attacker));
        assertFalse(refused.admitted());
        assertTrue(refused.retryAfter().compareTo(Duration.ofMinutes(9)) > 0, refused.retryAfter()::toString);
        assertTrue(guard.admit(attempt(someName(), someAddress())).admitted(), "other clients go on");

        MovableClock.advance(Duration.ofMinutes(10));
        assertTrue(guard.admit(attempt(someName(), attacker)).admitted(), "a new window");
    }

    @Test
    void successesDoNotCountAgainstTheAddress() {
        boot("usersession.login.global-limit", "0", "usersession.login.address-limit", "3");
        String office = someAddress();
        for (int i = 0; i < 20; i++) {
            LoginAdmission colleague = guard.admit(attempt(someName(), office));
            assertTrue(colleague.admitted(), "login " + i);
            guard.succeeded(colleague);
        }
    }

    @Test
    void underASprayEachAddressGetsFewFailuresButAFreshAddressWithTheRightPasswordLogsIn() {
        boot(
                "usersession.login.global-limit",
                "10",
                "usersession.login.global-window",
                "PT1M",
                "usersession.login.address-limit",
                "100",
                "usersession.login.spray-address-limit",
                "2");
        container.select(JpaLoginRecords.class).get().reset(List.of("all"));
        String owner = someName();
        String device = guard.rememberDevice(owner);
        String sprayer = someAddress();
        for (int i = 0; i < 10; i++) {
            assertTrue(guard.admit(attempt(someName(), someAddress())).admitted(), "before the spray: " + i);
        }
        assertTrue(guard.admit(attempt(someName(), sprayer)).admitted());
        assertTrue(guard.admit(attempt(someName(), sprayer)).admitted());
        LoginAdmission tightened = guard.admit(attempt(someName(), sprayer));
        assertFalse(tightened.admitted(), "under the spray an address gets 2 failures, not 100");
        assertTrue(tightened.retryAfter().compareTo(Duration.ofMinutes(9)) > 0, tightened.retryAfter()::toString);

        LoginAdmission user = guard.admit(attempt(someName(), someAddress()));
        assertTrue(user.admitted(), "a user from an address that has not been guessing is not refused");
        guard.succeeded(user);
        assertTrue(guard.admit(new LoginAttempt(owner, sprayer, device)).admitted(), "a trusted device goes on");

        MovableClock.advance(Duration.ofMinutes(1));
        assertTrue(guard.admit(attempt(someName(), sprayer)).admitted(), "the spray's window is over");
        container.select(JpaLoginRecords.class).get().reset(List.of("all"));
    }

    @Test
    void underASprayParallelGuessesFromOneAddressGetOnlyTheTightenedAllowance() throws Exception {
        boot("usersession.login.global-limit", "5", "usersession.login.spray-address-limit", "3");
        container.select(JpaLoginRecords.class).get().reset(List.of("all"));
        for (int i = 0; i < 5; i++) {
            guard.admit(attempt(someName(), someAddress()));
        }
        String sprayer = someAddress();
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LoginAdmission>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return guard.admit(attempt(someName(), sprayer));
            }));
        }
        start.countDown();
        int admitted = 0;
        for (Future<LoginAdmission> answer : answers) {
            admitted += answer.get().admitted() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(3, admitted, "the spray and the address's count are decided together, under their row locks");
        container.select(JpaLoginRecords.class).get().reset(List.of("all"));
    }

    @Test
    void anIpv6NetworkOf64BitsCountsAsOneAddress() {
        boot("usersession.login.global-limit", "0", "usersession.login.address-limit", "3");
        String network = "2001:db8:" + Integer.toHexString((int) (Math.random() * 0xffff)) + ":7:";
        assertTrue(guard.admit(attempt(someName(), network + ":1")).admitted());
        assertTrue(guard.admit(attempt(someName(), network + "ffff::9")).admitted());
        assertTrue(guard.admit(attempt(someName(), "[" + network + "a:b:c:d]")).admitted());
        assertFalse(
                guard.admit(attempt(someName(), network + "1234:5678:9abc:def0"))
                        .admitted(),
                "a fresh address of the same /64 is the same client");
        assertTrue(
                guard.admit(attempt(someName(), network.replace(":7:", ":8:") + ":1"))
                        .admitted(),
                "another /64 is another client");

        String ipv4 = someAddress();
        for (int i = 0; i < 3; i++) {
            assertTrue(guard.admit(attempt(someName(), i == 1 ? "::ffff:" + ipv4 : ipv4))
                    .admitted());
        }
        assertFalse(guard.admit(attempt(someName(), ipv4)).admitted(), "an IPv4-mapped address is its IPv4 address");
    }

    @Test
    void spellingsOfOneNameShareItsCounterItsLockAndItsReset() {
        boot("usersession.login.global-limit", "0", "usersession.login.address-limit", "0");
        String name = "Alice-" + UUID.randomUUID();
        List<String> spellings = List.of(
                name,
                name.toLowerCase(java.util.Locale.ROOT) + " ",
                " " + name.toUpperCase(java.util.Locale.ROOT),
                "\uff21lice" + name.substring(5)); // fullwidth A
        for (int i = 0; i < 5; i++) {
            assertTrue(
                    guard.admit(attempt(spellings.get(i % spellings.size()), null))
                            .admitted(),
                    "attempt " + i);
        }
        for (String spelling : spellings) {
            assertFalse(guard.admit(attempt(spelling, null)).admitted(), spelling + " waits like the others");
        }
        for (int i = 5; i < 100; i++) {
            MovableClock.advance(Duration.ofMinutes(16));
            assertTrue(
                    guard.admit(attempt(spellings.get(i % spellings.size()), null))
                            .admitted(),
                    "attempt " + i);
        }
        for (String spelling : spellings) {
            assertTrue(guard.admit(attempt(spelling, null)).locked(), spelling + " is locked like the others");
        }
        guard.reset(spellings.get(2));
        assertTrue(guard.admit(attempt(name, null)).admitted(), "a reset under any spelling ends the lock");
    }

    @Test
    void aRefusedAttemptAndAnOverlongNameLeaveNoCounterRow() {
        boot("usersession.login.global-limit", "0", "usersession.login.address-limit", "1");
        String address = someAddress();
        assertTrue(guard.admit(attempt(someName(), address)).admitted());
        String refusedName = someName();
        assertFalse(guard.admit(attempt(refusedName, address)).admitted(), "the address has had its failure");
        assertEquals(0L, counterRows(refusedName), "the refused attempt's name got no counter row");

        String overlong = "x".repeat(UserNames.MAXIMUM_LENGTH + 1);
        String fresh = someAddress();
        LoginAdmission tooLong = guard.admit(attempt(overlong, fresh));
        assertFalse(tooLong.admitted());
        assertEquals(0L, counterRows(overlong), "no account has that name: no counter row for it");
        assertTrue(guard.admit(attempt(someName(), fresh)).admitted(), "nor was its address counted");
        assertTrue(guard.admit(attempt("y".repeat(UserNames.MAXIMUM_LENGTH), someAddress()))
                .admitted());
    }

    private static long counterRows(String userName) {
        String subject = "n:" + java.util.HexFormat.of().formatHex(sha256(UserNames.throttled(userName)));
        return ((Number) TestDatabase.queryValue("select count(*) from login_attempts where subject = ?", subject))
                .longValue();
    }

    private static byte[] sha256(String value) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void hundredWrongCodesInARowLockOneTimeCodesUntilARecoveryCodeAPasskeyOrAReset() {
        boot("usersession.login.global-limit", "0", "usersession.login.address-limit", "0");
        String name = someName();
        lockCodes(name);
        LoginAdmission locked = guard.admitCode(name, someAddress(), false);
        assertTrue(locked.locked(), "after 100 wrong codes in a row one-time codes are locked");
        MovableClock.advance(Duration.ofDays(3));
        assertTrue(guard.admitCode(name, someAddress(), false).locked(), "the lock does not end by itself");
        assertTrue(guard.admit(attempt(name, someAddress())).admitted(), "codes never count on the password");

        LoginAdmission recovery = guard.admitCode(name, someAddress(), true);
        assertTrue(recovery.admitted(), "a recovery code is still admitted");
        guard.succeeded(recovery);
        assertCodesAdmitted(name, "a right recovery code ends the lock");

        lockCodes(name);
        guard.unlockCodes(name); // what a verified passkey does
        assertCodesAdmitted(name, "a passkey ends the lock");

        lockCodes(name);
        guard.reset(name.toUpperCase(java.util.Locale.ROOT));
        assertCodesAdmitted(name, "an administrator's reset ends the lock");
    }

    private void assertCodesAdmitted(String name, String message) {
        LoginAdmission admission = guard.admitCode(name, someAddress(), false);
        assertTrue(admission.admitted(), message);
        guard.succeeded(admission);
    }

    private void lockCodes(String name) {
        for (int failure = 0; failure < LoginThrottle.LOCK_AFTER; failure++) {
            MovableClock.advance(Duration.ofMinutes(16)); // past the longest back-off
            assertTrue(guard.admitCode(name, someAddress(), false).admitted(), "wrong code " + failure);
        }
    }

    @Test
    void aNewPasswordDoesNotEndTheCodesWaitAndSprayedPasswordsDoNotBlockCodes() {
        boot("usersession.login.global-limit", "2", "usersession.login.address-limit", "0");
        String name = someName();
        for (int failure = 0; failure < 6; failure++) {
            guard.admitCode(name, someAddress(), false);
        }
        assertFalse(guard.admitCode(name, someAddress(), false).admitted(), "six wrong codes in a row wait");
        guard.resetName(name); // what a user's own password change does
        assertFalse(
                guard.admitCode(name, someAddress(), false).admitted(), "a new password does not end the codes' wait");

        String other = someName();
        for (int sprayed = 0; sprayed < 5; sprayed++) {
            guard.admit(attempt(someName(), someAddress()));
        }
        assertTrue(guard.admitCode(other, someAddress(), false).admitted(), "codes do not count in the global window");
    }
}
