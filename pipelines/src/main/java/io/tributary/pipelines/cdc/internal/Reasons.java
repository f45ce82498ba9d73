package io.tributary.pipelines.cdc.internal;

import org.apache.flink.annotation.Internal;

/**
 * An unexpected exception as a rejects row's reason: its kind and message, short enough to read.
 */
@Internal
final class Reasons {
    private static final int MAX_LENGTH = 500;

    private Reasons() {}

    static String of(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        String reason = e.getClass().getSimpleName() + message;
        return reason.length() > MAX_LENGTH ? reason.substring(0, MAX_LENGTH) + "…" : reason;
    }
}
