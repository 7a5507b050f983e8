package dev.usersession.internal.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessionConflictException;
import dev.usersession.UserSessionStoreException;
import dev.usersession.auth.TooManyAttemptsException;
import dev.usersession.testing.LogCapture;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.ServletException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** The catalogue of failures answers the library's exceptions only, wherever they are among the causes. */
class FailureTest {

    @Test
    void theLibrarysStoreFailureIs503WithRetryAfter() {
        Failure failure = Failure.of(new ServletException(new UserSessionStoreException(
                "store down", new PersistenceException(new SQLException("connection refused", "08001")))));

        assertEquals(503, failure.status());
        assertEquals("unavailable", failure.code());
        assertEquals("5", failure.retryAfterSeconds());
        assertTrue(failure.isUnavailable());
    }

    @Test
    void theApplicationsOwnPersistenceFailuresAreNotTheLibrarys() {
        assertNull(Failure.of(new OptimisticLockException("the application's stale entity")));
        assertNull(Failure.of(new ServletException(new PersistenceException(new SQLException("duplicate", "23505")))));
        assertNull(Failure.of(new IllegalArgumentException("JPQL typo", new PersistenceException("syntax"))));
        assertNull(Failure.of(new SQLException("the application's own JDBC")));
        assertFalse(Failure.isStoreFailure(new PersistenceException("the application's")));
    }

    @Test
    void theOutermostLibraryExceptionAnswers() {
        assertEquals(Failure.CONFLICT, Failure.of(new ServletException(new UserSessionConflictException("s", "x"))));
        assertEquals(Failure.CONFLICT, Failure.of(new RuntimeException(new UserSessionConflictException("s", "x"))));
        Failure throttled = Failure.of(new TooManyAttemptsException("wait", Duration.ofMillis(1500)));
        assertEquals(429, throttled.status());
        assertEquals("2", throttled.retryAfterSeconds());
    }

    @Test
    void anAnsweredStoreFailureIsLoggedAtFineWithItsCauseAndNothingElseIsLogged() {
        // At FINE: the store logs its outage itself, once (StoreOutageLog), not once per answered request.
        try (LogCapture warnings = LogCapture.of(Failure.class.getName());
                LogCapture log = LogCapture.of(Failure.class.getName(), Level.FINE)) {
            Failure.reported(
                    new UserSessionStoreException("store down", new SQLException("refused", "08001")), "/cart");
            Failure.reported(new UserSessionConflictException("s", "x"), "/cart");
            Failure.reported(new PersistenceException("the application's"), "/cart");

            assertEquals(1, log.records().size(), log.messages()::toString);
            assertTrue(log.messages().get(0).contains("/cart"), log.messages().get(0));
            assertTrue(log.records().get(0).getThrown() instanceof UserSessionStoreException);
            assertEquals(List.of(), warnings.messages());
        }
    }

    @Test
    void aCauseChainWithACycleEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertNull(Failure.of(first));
    }

    @Test
    void noAnswerOfTheCatalogueNamesAnExceptionClass() throws IllegalAccessException {
        for (Field field : Failure.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Failure.class) {
                Failure failure = (Failure) field.get(null);
                assertFalse(failure.message().contains("Exception"), failure.toString());
                assertFalse(ErrorResponses.json(failure).contains("Exception"), failure.toString());
            }
        }
    }
}
