package dev.usersession.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.testing.LogCapture;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * One outage, one warning: under load, operations that began while the store was down finish after it answered again
 * (their connections waited on the old server), as in a PostgreSQL failover where one node logged two outages for one.
 */
class StoreOutageLogTest {

    @Test
    void aFailureOfAnOperationBegunBeforeTheStoreAnsweredAgainOpensNoSecondOutage() {
        try (LogCapture log = LogCapture.of(StoreOutageLog.class.getName(), Level.INFO)) {
            StoreOutageLog outages = new StoreOutageLog();
            outages.failed(new IllegalStateException("the primary died"), System.nanoTime());
            long beganDuringTheOutage = System.nanoTime();
            outages.answered();

            outages.failed(new IllegalStateException("its connection waited on the old primary"), beganDuringTheOutage);

            assertFalse(outages.inOutage());
            assertEquals(2, log.records().size(), log.messages()::toString);
            assertTrue(log.messages().get(0).startsWith("The session store is unavailable: "));
            assertTrue(log.messages().get(1).startsWith("The session store answers again "));
        }
    }

    @Test
    void aFailureOfAnOperationBegunAfterTheStoreAnsweredAgainIsANewOutage() {
        try (LogCapture log = LogCapture.of(StoreOutageLog.class.getName(), Level.INFO)) {
            StoreOutageLog outages = new StoreOutageLog();
            outages.failed(new IllegalStateException("down"), System.nanoTime());
            outages.answered();
            long answered = System.nanoTime();
            while (System.nanoTime() == answered) {
                Thread.onSpinWait();
            }

            outages.failed(new IllegalStateException("down again"), System.nanoTime());

            assertTrue(outages.inOutage());
            assertEquals(3, log.records().size(), log.messages()::toString);
            assertEquals(Level.WARNING, log.records().get(2).getLevel());
        }
    }
}
