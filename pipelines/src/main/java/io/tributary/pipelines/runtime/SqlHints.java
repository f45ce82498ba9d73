package io.tributary.pipelines.runtime;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;

/**
 * Table options in SQL: hints ({@code /*+ OPTIONS(...) *}{@code /}) for an INSERT's target and for
 * a table a query reads, and {@code WITH (...)} clauses. Keys and values are quoted as SQL string
 * literals.
 */
@Internal
public final class SqlHints {
    private SqlHints() {}

    /** The hint itself, with a leading space, or nothing for no options. */
    public static String options(Map<String, String> options) {
        if (options.isEmpty()) {
            return "";
        }
        return " /*+ OPTIONS(" + pairs(options) + ") */";
    }

    /** {@code 'key' = 'value', ...}: the body of a hint or of a {@code WITH (...)} clause. */
    public static String pairs(Map<String, String> options) {
        return options.entrySet().stream()
                .map(e -> literal(e.getKey()) + " = " + literal(e.getValue()))
                .collect(Collectors.joining(", "));
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
        return values.stream()
                .map(v -> '"' + v.replace("\"", "\"\"") + '"')
                .collect(Collectors.joining(";"));
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
