package dev.usersession.security;

import dev.usersession.context.SessionTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.jpa.JpaLoginRecords;
import dev.usersession.testing.Containers;
import dev.usersession.testing.MovableClock;
import dev.usersession.testing.Settings;
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

/** Login throttling: counted before the check, the same for every name, per address and overall, and devices. */
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
        return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "." + (int) (Math.random()
                * 250);
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
        return admission.admitted() ? "admitted" : (admission.locked() ? "locked " : "wait ")
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
        assertTrue(guard.admit(new LoginAttempt(name, someAddress(), ownersDevice)).admitted());
        assertFalse(guard.admit(new LoginAttempt(someName(), attacker, ownersDevice)).trustedDevice(),
                "a device is trusted only for its own user");
        assertFalse(guard.admit(new LoginAttempt(name, attacker, SessionTokens.newToken())).trustedDevice(),
                "an unknown device cookie is no trusted device");
    }

    @Test
    void oneClientAddressGetsALimitedNumberOfFailuresAcrossNames() {
        boot("usersession.login.global-limit", "0", "usersession.login.address-limit", "10",
                "usersession.login.address-window", "PT10M");
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
    void allUntrustedLoginsTogetherGetALimitedNumberOfFailuresButTrustedDevicesGoOn() {
        boot("usersession.login.global-limit", "10", "usersession.login.global-window", "PT1M");
        container.select(JpaLoginRecords.class).get().reset(List.of("all"));
        String owner = someName();
        String device = guard.rememberDevice(owner);
        for (int i = 0; i < 10; i++) {
            assertTrue(guard.admit(attempt(someName(), someAddress())).admitted());
        }
        assertFalse(guard.admit(attempt(someName(), someAddress())).admitted(), "password spraying stops");
        assertTrue(guard.admit(new LoginAttempt(owner, someAddress(), device)).admitted());
        MovableClock.advance(Duration.ofMinutes(1));
        assertTrue(guard.admit(attempt(someName(), someAddress())).admitted());
        container.select(JpaLoginRecords.class).get().reset(List.of("all"));
    }

    @Test
    void wrongCodesBackOffButNeverLockTheSecondFactorAndAResetEndsTheWait() {
        boot("usersession.login.global-limit", "0", "usersession.login.address-limit", "0");
        String name = someName();
        for (int failure = 0; failure < LoginThrottle.LOCK_AFTER + 5; failure++) {
            LoginAdmission admission = guard.admitCode(name, someAddress());
            assertTrue(admission.admitted(), "after the back-off a code attempt is admitted again (" + failure + ")");
            MovableClock.advance(Duration.ofMinutes(16)); // past the longest back-off
        }
        LoginAdmission waiting = guard.admitCode(name, someAddress());
        assertTrue(waiting.admitted());
        assertFalse(guard.admitCode(name, someAddress()).admitted(), "a failure in a row waits");
        guard.reset(name);
        assertTrue(guard.admitCode(name, someAddress()).admitted(), "an administrator's reset ends the wait");
        assertTrue(guard.admit(attempt(name, someAddress())).admitted(), "codes never count on the password");
    }

    @Test
    void aNewPasswordDoesNotEndTheCodesWaitAndSprayedPasswordsDoNotBlockCodes() {
        boot("usersession.login.global-limit", "2", "usersession.login.address-limit", "0");
        String name = someName();
        for (int failure = 0; failure < 6; failure++) {
            guard.admitCode(name, someAddress());
        }
        assertFalse(guard.admitCode(name, someAddress()).admitted(), "six wrong codes in a row wait");
        guard.resetName(name); // what a password reset does
        assertFalse(guard.admitCode(name, someAddress()).admitted(), "a new password does not end the codes' wait");

        String other = someName();
        for (int sprayed = 0; sprayed < 5; sprayed++) {
            guard.admit(attempt(someName(), someAddress()));
        }
        assertFalse(guard.admit(attempt(someName(), someAddress())).admitted(), "the global window is full");
        assertTrue(guard.admitCode(other, someAddress()).admitted(), "codes do not count in the global window");
    }
}
