package io.tributary.pipelines.runtime;

import org.apache.flink.annotation.Internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Dynamic table options as SQL hints ({@code /*+ OPTIONS(...) *}{@code /}): for an INSERT's
 * target and for a table a query reads. Keys and values are quoted as SQL string literals.
 */
@Internal
public final class SqlHints {
    private SqlHints() {}

    /** The hint itself, with a leading space, or nothing for no options. */
    public static String options(Map<String, String> options) {
        if (options.isEmpty()) {
            return "";
        }
        return options.entrySet().stream().map(e -> literal(e.getKey()) + " = " + literal(e.getValue()))
                .collect(Collectors.joining(", ", " /*+ OPTIONS(", ") */"));
    }

    /** Adds dynamic options to the target of an {@code INSERT INTO} or {@code INSERT OVERWRITE}. */
    public static String withSinkOptions(String insert, Map<String, String> options) {
        return InsertStatement.of(insert).withTargetHint(options(options)).sql();
    }

    /**
     * A list option's value as Flink parses it ({@code ;}-separated): every element in double
     * quotes, a double quote doubled, so elements may hold {@code ;} and quotes.
     */
    public static String listValue(List<String> values) {
        return values.stream().map(v -> '"' + v.replace("\"", "\"\"") + '"').collect(Collectors.joining(";"));
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
