package dev.usersession.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.EndReason;
import dev.usersession.UserSessions;
import dev.usersession.admin.AuditEvent;
import dev.usersession.auth.UserAccounts;
import dev.usersession.internal.account.UserNames;
import dev.usersession.testing.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.se.SeContainer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Security-relevant changes become audit events for the application and JSON lines on dev.usersession.audit. */
class AuditTrailTest {

    /** An application's observer. */
    @ApplicationScoped
    public static class Observer {
        private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

        void seen(@Observes AuditEvent event) {
            events.add(event);
        }

        List<AuditEvent> events() {
            return List.copyOf(events);
        }
    }

    @Test
    void accountChangesAndSessionEndsAreAuditedWithoutSecrets() {
        Logger logger = Logger.getLogger("dev.usersession.audit");
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO); // the tests' logging configuration may keep INFO quiet
        logger.addHandler(capture);
        try (SeContainer container = Containers.boot(Observer.class)) {
            Observer observer = container.select(Observer.class).get();
            UserAccounts accounts = container.select(UserAccounts.class).get();
            UserSessions sessions = container.select(UserSessions.class).get();
            String user = "audited-" + System.nanoTime();
            String password = "first correct horse 1";
            accounts.create(user, password.toCharArray(), Set.of("customer"));

            assertFalse(
                    accounts.changePassword(user, "wrong guess".toCharArray(), "second horse battery".toCharArray()));
            assertTrue(accounts.changePassword(user, password.toCharArray(), "second horse battery".toCharArray()));
            accounts.changeGroups(user, Set.of("customer", "admin"));
            String session =
                    sessions.open(user, Set.of("customer"), "test").session().id();
            sessions.end(session, EndReason.LOGOUT);

            List<AuditEvent.Type> types = observer.events().stream()
                    .filter(event -> event.userName().equals(user))
                    .map(AuditEvent::type)
                    .toList();
            assertEquals(
                    List.of(
                            AuditEvent.Type.PASSWORD_CHANGED,
                            AuditEvent.Type.GROUPS_CHANGED,
                            AuditEvent.Type.SESSION_ENDED),
                    types);
            AuditEvent ended = observer.events().get(observer.events().size() - 1);
            assertEquals(session, ended.sessionId());
            assertEquals("logout", ended.detail());
            assertEquals(
                    "admin,customer",
                    observer.events().stream()
                            .filter(event -> event.type() == AuditEvent.Type.GROUPS_CHANGED)
                            .findFirst()
                            .orElseThrow()
                            .detail());

            List<String> mine =
                    lines.stream().filter(line -> line.contains(user)).toList();
            assertEquals(3, mine.size(), mine::toString);
            assertTrue(mine.get(0).startsWith("{\"time\":\""), mine.get(0));
            assertTrue(mine.get(0).contains("\"event\":\"password_changed\""), mine.get(0));
            assertTrue(mine.stream().noneMatch(line -> line.contains("horse")), "no password in the trail");
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
    }

    @Test
    void whatAClientSendsCannotMakeAnAuditEventLong() {
        try (SeContainer container = Containers.boot(Observer.class)) {
            Observer observer = container.select(Observer.class).get();
            String marker = "bounded-" + System.nanoTime();
            container
                    .select(AuditTrail.class)
                    .get()
                    .record(
                            AuditEvent.Type.LOGIN_FAILED,
                            marker + "u".repeat(10_000),
                            null,
                            "d".repeat(10_000),
                            "a".repeat(10_000));
            AuditEvent event = observer.events().stream()
                    .filter(seen -> seen.userName().startsWith(marker))
                    .findFirst()
                    .orElseThrow();
            assertEquals(UserNames.MAXIMUM_LENGTH, event.userName().length());
            assertTrue(
                    event.detail().length() <= 200, "detail: " + event.detail().length());
            assertEquals(UserNames.MAXIMUM_LENGTH, event.actor().length());
        }
    }
}
