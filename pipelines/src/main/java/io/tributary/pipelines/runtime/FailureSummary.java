package io.tributary.pipelines.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.annotation.Internal;
import org.apache.flink.util.ExceptionUtils;
import org.apache.flink.util.SerializedThrowable;

/**
 * A job's failure in one line for the console: its innermost cause, after the nearest message that
 * says where it happened — {@code Failed to get metadata for topics [weblogs.lines]:
 * TimeoutException: Timed out waiting for a node assignment.} The stack trace stays in the logs.
 */
@Internal
final class FailureSummary {
    /**
     * A message that starts with a class name, as a wrapper's copy of its cause's does, or that is
     * one (a serialized failure without a message).
     */
    private static final Pattern CLASS_PREFIX =
            Pattern.compile("^([a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(: |$)");

    private FailureSummary() {}

    static String of(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = ExceptionUtils.stripCompletionException(failure);
                t != null && !chain.contains(t);
                t = t.getCause()) {
            chain.add(t);
        }
        Throwable root = chain.get(chain.size() - 1);
        String rootMessage = message(root);
        String rootText = rootMessage.isEmpty() ? name(root) : name(root) + ": " + rootMessage;
        for (int i = chain.size() - 2; i >= 0; i--) {
            String context = message(chain.get(i));
            if (!context.isEmpty() && (rootMessage.isEmpty() || !context.contains(rootMessage))) {
                return context.replaceAll("[.:\\s]+$", "") + ": " + rootText;
            }
        }
        return rootText;
    }

    /** The class's simple name; a failure reported by a cluster arrives serialized. */
    private static String name(Throwable t) {
        String className =
                t instanceof SerializedThrowable
                        ? ((SerializedThrowable) t).getOriginalErrorClassName()
                        : t.getClass().getName();
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String message(Throwable t) {
        String message = t.getMessage();
        return message == null ? "" : CLASS_PREFIX.matcher(message.trim()).replaceFirst("");
    }
}
