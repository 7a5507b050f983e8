package dev.usersession.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The clean-up gives way to live traffic when it slows live reads down, and keeps its duty cycle when it does not. */
class CleanupPacingTest {

    private static final long BATCH = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long LIVE_BEFORE = TimeUnit.MICROSECONDS.toNanos(400);

    @Test
    void liveReadsAsFastAsBeforeKeepTheDutyCycle() {
        CleanupPacing pacing = new CleanupPacing(0.5, LIVE_BEFORE);

        assertEquals(100, pacing.pauseMillis(BATCH, LIVE_BEFORE));
        assertEquals(100, pacing.pauseMillis(BATCH, (long) (LIVE_BEFORE * 1.2)), "a fifth slower is still as before");
        assertEquals(300, new CleanupPacing(0.25, LIVE_BEFORE).pauseMillis(BATCH, LIVE_BEFORE));
    }

    @Test
    void slowerLiveReadsDoubleThePauseUpToALimitAndItShrinksBackWhenTheyRecover() {
        CleanupPacing pacing = new CleanupPacing(0.5, LIVE_BEFORE);
        long slow = LIVE_BEFORE * 2;

        assertEquals(200, pacing.pauseMillis(BATCH, slow));
        assertEquals(400, pacing.pauseMillis(BATCH, slow));
        for (int i = 0; i < 10; i++) {
            pacing.pauseMillis(BATCH, slow);
        }
        assertEquals((long) (100 * CleanupPacing.MAX_FACTOR), pacing.pauseMillis(BATCH, slow), "at most 64 batches");

        assertEquals(3_200, pacing.pauseMillis(BATCH, LIVE_BEFORE));
        for (int i = 0; i < 10; i++) {
            pacing.pauseMillis(BATCH, LIVE_BEFORE);
        }
        assertEquals(100, pacing.pauseMillis(BATCH, LIVE_BEFORE), "back to the duty cycle, never below it");
    }

    @Test
    void aMaintenanceRunOrAnUnknownBaselineIsPacedByTheDutyCycleAlone() {
        CleanupPacing maintenance = new CleanupPacing(1.0, LIVE_BEFORE);
        assertEquals(0, maintenance.pauseMillis(BATCH, LIVE_BEFORE * 10));

        CleanupPacing noTrafficBefore = new CleanupPacing(0.5, 0);
        assertEquals(100, noTrafficBefore.pauseMillis(BATCH, LIVE_BEFORE * 10));
    }
}
