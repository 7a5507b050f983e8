package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.internal.account.UserNames;
import dev.usersession.it.app.DemoAccounts;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checklist item 15 over HTTP: guesses are counted before they are checked, unknown names answer like real ones,
 * the owner's browser is not locked out by an attacker, and a password change is throttled and renews the cookie.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginThrottlingIT {

    private static final int FREE_ATTEMPTS = 5;

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("throttle");
    }

    @ArquillianResource
    URL base;

    @Test
    void parallelWrongLoginsForOneAccountReachThePasswordCheckOnlyAsOftenAsTheFreeAttempts() throws Exception {
        String victim = new Browser(base).newUser("victim");
        int guesses = 20;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            String guess = "guess number " + i;
            statuses.add(pool.submit(() -> {
                start.await();
                return new Browser(base).login(victim, guess).statusCode();
            }));
        }
        start.countDown();
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answers.add(status.get());
        }
        pool.shutdown();
        long checked = answers.stream().filter(status -> status == 401).count();
        long throttled = answers.stream().filter(status -> status == 429).count();
        assertEquals(guesses, checked + throttled, answers::toString);
        assertTrue(checked <= FREE_ATTEMPTS, "password checks: " + checked + " of " + answers);
        assertEquals(
                429,
                new Browser(base).login(victim, DemoAccounts.PASSWORD).statusCode(),
                "the right password waits too");
    }

    @Test
    void anUnknownNameIsThrottledExactlyLikeAnExistingOne() {
        String existing = new Browser(base).newUser("known");
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> existingAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        List<Long> existingTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            existingAnswers.add(describe(new Browser(base).login(existing, "wrong password " + i)));
            existingTimes.add(System.nanoTime() - start);
            start = System.nanoTime();
            unknownAnswers.add(describe(new Browser(base).login(unknown, "wrong password " + i)));
            unknownTimes.add(System.nanoTime() - start);
        }
        assertEquals(existingAnswers, unknownAnswers);
        assertEquals(
                List.of(401, 401, 401, 401, 401, 429, 429),
                existingAnswers.stream()
                        .map(answer -> Integer.valueOf(answer.substring(0, 3)))
                        .toList());
        // The fastest of the checked attempts: load elsewhere on the machine only slows answers down.
        double ratio = (double) fastest(unknownTimes.subList(0, FREE_ATTEMPTS))
                / fastest(existingTimes.subList(0, FREE_ATTEMPTS));
        assertTrue(ratio > 0.8 && ratio < 1.25, "unknown/existing fastest time ratio of checked attempts " + ratio);
    }

    private static String describe(HttpResponse<String> response) {
        return response.statusCode() + " "
                + response.headers().firstValue("Retry-After").orElse("-") + " " + response.body();
    }

    @Test
    void whileAnAttackerKeepsTheNameThrottledTheOwnersBrowserStillLogsIn() {
        Browser owner = new Browser(base);
        String name = owner.newUser("owner");
        assertEquals(200, owner.login(name, DemoAccounts.PASSWORD).statusCode());
        assertTrue(owner.deviceCookie().isPresent(), "a successful login makes the browser a trusted device");
        owner.postForm("usersession/logout");

        Browser attacker = new Browser(base);
        for (int i = 0; i < 10; i++) {
            attacker.login(name, "attacker guess " + i);
        }
        assertEquals(429, attacker.login(name, "attacker guess").statusCode());
        assertEquals(
                429,
                new Browser(base).login(name, DemoAccounts.PASSWORD).statusCode(),
                "a new browser waits like the attacker");
        assertEquals(200, owner.login(name, DemoAccounts.PASSWORD).statusCode(), "the owner's browser does not");
    }

    @Test
    void aPasswordChangeGivesTheSessionANewTokenAndEndsTheOldOne() {
        Browser browser = new Browser(base);
        String name = browser.newUser("changer");
        browser.login(name, DemoAccounts.PASSWORD);
        String before = browser.cookie().orElseThrow();

        HttpResponse<String> changed =
                browser.postForm("test/password", "current", DemoAccounts.PASSWORD, "new", "a new battery staple");
        assertEquals(200, changed.statusCode(), changed.body());
        String after = browser.cookie().orElseThrow();
        assertNotEquals(before, after, "the response carries a new cookie");
        assertEquals(name + " true false", browser.get("test/whoami").body());

        Browser stolenCopy = new Browser(base);
        stolenCopy.setCookie(before);
        assertEquals("anonymous", stolenCopy.get("test/whoami").body(), "a copy of the old cookie is refused");
    }

    @Test
    void theCurrentPasswordOfAPasswordChangeCannotBeGuessedWithoutLimit() {
        Browser thief = new Browser(base);
        String name = thief.newUser("stolen");
        thief.login(name, DemoAccounts.PASSWORD);
        for (int i = 0; i < FREE_ATTEMPTS; i++) {
            assertEquals(
                    403,
                    thief.postForm("test/password", "current", "guess " + i, "new", "a new battery staple")
                            .statusCode());
        }
        HttpResponse<String> throttled =
                thief.postForm("test/password", "current", DemoAccounts.PASSWORD, "new", "a new battery staple");
        assertEquals(429, throttled.statusCode(), throttled.body());
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
        assertTrue(!throttled.body().contains("Exception"), throttled.body());
    }

    @Test
    void noSessionOfALoginThatRacedAPasswordResetSurvivesIt() throws Exception {
        String name = new Browser(base).newUser("raced");
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger successes = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            loops.add(pool.submit(() -> {
                while (!stop.get()) {
                    if (new Browser(base).login(name, DemoAccounts.PASSWORD).statusCode() == 200) {
                        successes.incrementAndGet();
                    }
                }
            }));
        }
        Thread.sleep(1500);
        HttpResponse<String> reset =
                new Browser(base).postForm("test/reset-password", "name", name, "new", "a new battery staple");
        assertEquals("true", reset.body());
        Thread.sleep(1500);
        stop.set(true);
        for (Future<?> loop : loops) {
            loop.get();
        }
        pool.shutdown();
        assertTrue(successes.get() > 0, "logins with the old password succeeded before the reset");
        assertEquals(
                "0",
                new Browser(base).get("test/db/sessions?user=" + name).body(),
                "every session opened with the old password ended, even those whose login raced the reset");
    }

    @Test
    void aUserNameLongerThanAnyAccountsIsABadRequestBeforeAnyCounterOrAuditLine() {
        Browser client = new Browser(base);
        String counters = client.get("test/db/count?table=login_attempts").body();
        String name = "overlong-" + "x".repeat(UserNames.MAXIMUM_LENGTH);
        HttpResponse<String> answer = client.login(name, "some password");
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("user_name_too_long"), answer.body());
        assertEquals(counters, client.get("test/db/count?table=login_attempts").body(), "no counter row");
        assertTrue(!client.get("test/audit-events").body().contains("overlong-"), "no audit line");
        assertEquals(
                401,
                client.login(name.substring(0, UserNames.MAXIMUM_LENGTH), "some password")
                        .statusCode(),
                "a name of the longest length is an ordinary wrong login");
    }

    @Test
    void aUserNameLongerThanAnyAccountsGetsNoCounterNorAuditLineThroughSecurityContextAuthenticate() {
        Browser client = new Browser(base);
        String counters = client.get("test/db/count?table=login_attempts").body();
        String name = "programmatic-" + "x".repeat(UserNames.MAXIMUM_LENGTH);
        HttpResponse<String> answer = client.postForm("test/authenticate", "name", name, "password", "some password");
        assertTrue(answer.statusCode() < 500, answer.statusCode() + " " + answer.body());
        assertEquals(counters, client.get("test/db/count?table=login_attempts").body(), "no counter row");
        assertTrue(!client.get("test/audit-events").body().contains("programmatic-"), "no audit line");
    }

    private static long fastest(List<Long> values) {
        return Collections.min(values);
    }
}
