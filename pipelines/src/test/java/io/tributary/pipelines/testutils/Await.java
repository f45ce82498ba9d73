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
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }
}
