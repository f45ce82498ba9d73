package io.tributary.connector.delta.testutils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Waits on a table's {@code _delta_log}: a condition on the table is checked again whenever the log
 * gains an entry, so a test synchronises on commits, not on elapsed time.
 */
public final class LogWatch {
    private LogWatch() {}

    /** Whether {@code condition} held by a commit to {@code table} within {@code patience}. */
    public static boolean until(Path table, Duration patience, Callable<Boolean> condition)
            throws Exception {
        Path log = Files.createDirectories(table.resolve("_delta_log"));
        long deadline = System.nanoTime() + patience.toNanos();
        try (WatchService watch = log.getFileSystem().newWatchService()) {
            log.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            while (!condition.call()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                WatchKey key = watch.poll(left, TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
            return true;
        }
    }
}
