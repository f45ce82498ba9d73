package io.tributary.pipelines.testutils;

import java.time.Duration;

/** Waits for a condition by polling it, so tests synchronise on state, never on elapsed time. */
public final class Await {
    private static final long POLL_MILLIS = 100;

    private Await() {}

    /** A condition that may throw, e.g. because it reads a table. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, Condition condition) throws Exception {
        if (!holdsWithin(timeout, condition)) {
            throw new AssertionError("Timed out after " + timeout + " waiting until " + what);
        }
    }

    /**
     * Polls {@code condition} until it holds or {@code timeout} passes, and says whether it held;
     * for callers whose assertions afterwards explain a failure better than a timeout would.
     */
    public static boolean holdsWithin(Duration timeout, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long checked = System.nanoTime();
            if (condition.holds()) {
                return true;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                return false;
            }
            // A condition that queries tables takes CPU from the job it waits for: pausing as
            // long as the check took keeps the polling to half a core at most.
            Thread.sleep(Math.max(POLL_MILLIS, (now - checked) / 1_000_000));
        }
    }
}
