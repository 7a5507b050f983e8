package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.app.DemoAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checklist item 15 under a password spray, over HTTP: wrong logins under made-up names from several client addresses
 * (127.0.0.2 to 127.0.0.4, all the loopback on Linux) push the site over its global limit (5 per minute here); the
 * spraying addresses are then held to 2 failures each, while a new browser (no device cookie) from another address
 * logs in with the right password.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginSprayIT {

    private static final int SPRAYERS = 3;

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("spray")
                .addAsResource(
                        new StringAsset("usersession.login.global-limit=5\nusersession.login.global-window=PT1M\n"
                                + "usersession.login.spray-address-limit=2\n"),
                        "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Test
    void whileAddressesSprayWrongPasswordsANewBrowserElsewhereLogsInWithTheRightOne() throws Exception {
        String user = new Browser(base).newUser("sprayed");
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentHashMap<Integer, List<Integer>> answers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(SPRAYERS);
        List<Future<?>> sprayers = new ArrayList<>();
        for (int i = 0; i < SPRAYERS; i++) {
            InetAddress address = loopback(2 + i);
            List<Integer> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
            answers.put(i, statuses);
            sprayers.add(pool.submit(() -> {
                while (!stop.get()) {
                    statuses.add(login(address, "sprayed-" + UUID.randomUUID(), "Summer2026!")
                            .status());
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (answers.values().stream().anyMatch(statuses -> !statuses.contains(429))) {
            assertTrue(System.nanoTime() < deadline, "every spraying address is held back: " + answers);
            Thread.sleep(50);
        }

        RawHttp.Response owner = login(loopback(9), user, DemoAccounts.PASSWORD);
        stop.set(true);
        for (Future<?> sprayer : sprayers) {
            sprayer.get();
        }
        pool.shutdown();
        assertEquals(200, owner.status(), "the user is not refused for the spray: " + owner.text());
        long checked = answers.values().stream()
                .flatMap(List::stream)
                .filter(status -> status == 401)
                .count();
        assertTrue(checked <= 5 + 2L * SPRAYERS, "wrong passwords checked during the spray: " + answers);
        assertTrue(
                answers.values().stream().flatMap(List::stream).allMatch(status -> status == 401 || status == 429),
                answers::toString);
    }

    private RawHttp.Response login(InetAddress from, String name, String password) {
        return RawHttp.postJson(
                base, "usersession/login", from, "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}");
    }

    private static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
