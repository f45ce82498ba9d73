package io.tributary.pipelines.cli;

import io.tributary.pipelines.runtime.ConfigurationError;
import java.util.Optional;
import org.apache.flink.table.api.SqlParserException;
import org.apache.flink.table.api.ValidationException;

/** Finds the message a user can act on inside Flink's layers of wrapping exceptions. */
final class Errors {
    private Errors() {}

    /** The deepest user-facing message (configuration, validation, SQL), else the root cause's. */
    static String message(Throwable e) {
        Throwable userFacing = null;
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationError
                    || t instanceof ValidationException
                    || t instanceof SqlParserException) {
                userFacing = t;
            }
            if (t.getMessage() != null) {
                deepest = t;
            }
        }
        if (userFacing == null && wasInterrupted(e)) {
            return "cancelled";
        }
        Throwable chosen = userFacing != null ? userFacing : deepest;
        return firstLine(chosen.getMessage() == null ? chosen.toString() : chosen.getMessage());
    }

    /** Whether a command ended because it was interrupted: cancelled, in the command server. */
    private static boolean wasInterrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> fix(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationError) {
                return Optional.ofNullable(((ConfigurationError) t).fix());
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
