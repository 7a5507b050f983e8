package dev.usersession.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessions;
import dev.usersession.spi.DeviceBinding;
import dev.usersession.spi.SessionRecord;
import dev.usersession.spi.UserSessionStore;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import jakarta.enterprise.inject.se.SeContainer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's part of device-bound sessions, on every database and both providers: a binding round-trips through the
 * row with all its values, a challenge is used once (a guarded update), and a binding is found by its id.
 */
class DeviceBindingStoreTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private SeContainer container;
    private UserSessionStore store;
    private String session;

    @BeforeEach
    void boot() {
        container = Containers.boot(Counter.class);
        store = container.select(UserSessionStore.class).get();
        session = container
                .select(UserSessions.class)
                .get()
                .open("binding-" + System.nanoTime(), Set.of(), "test")
                .session()
                .id();
    }

    @AfterEach
    void shutDown() {
        container.close();
    }

    @Test
    void aNewSessionIsNotBound() {
        assertEquals(DeviceBinding.NONE, store.find(session).orElseThrow().binding());
    }

    @Test
    void aBindingRoundTripsAndItsChallengeIsUsedOnce() {
        assertTrue(store.challengeBinding(session, "challenge-1", NOW.plusSeconds(300)));
        DeviceBinding waiting = store.find(session).orElseThrow().binding();
        assertTrue(waiting.challengeIs("challenge-1", NOW));
        assertFalse(waiting.challengeIs("challenge-1", NOW.plusSeconds(300)), "expired");
        assertFalse(waiting.challengeIs("challenge-2", NOW));
        assertFalse(waiting.isBound());

        String id = "binding-" + System.nanoTime();
        DeviceBinding bound =
                new DeviceBinding(null, null, id, "{\"kty\":\"EC\"}", NOW, "cookie-hash", null, NOW.plusSeconds(300));
        assertFalse(store.updateBinding(session, "challenge-2", bound), "another challenge changes nothing");
        assertTrue(store.updateBinding(session, "challenge-1", bound));
        assertFalse(store.updateBinding(session, "challenge-1", bound), "the challenge was used");

        SessionRecord stored = store.find(session).orElseThrow();
        assertEquals(bound, stored.binding());
        assertTrue(stored.toInfo().deviceBound());
        assertEquals(session, store.findByBinding(id).orElseThrow().id());
        assertTrue(store.findByBinding("no-such-binding").isEmpty());
    }

    @Test
    void aChallengeOfAnEndedSessionIsNotStored() {
        store.delete(session, ended -> {});
        assertFalse(store.challengeBinding(session, "challenge-1", NOW.plusSeconds(300)));
    }
}
