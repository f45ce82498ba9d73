package io.tributary.pipelines.runtime;

import org.apache.flink.annotation.Internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Dynamic table options as SQL hints ({@code /*+ OPTIONS(...) *}{@code /}): for an INSERT's
 * target and for a table a query reads. Keys and values are quoted as SQL string literals.
 */
@Internal
public final class SqlHints {
    private static final Pattern INSERT = Pattern.compile("^(INSERT\\s+(?:INTO|OVERWRITE))\\s+(\\S+)\\s+(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

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
        Matcher m = INSERT.matcher(insert.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not an INSERT statement: " + insert);
        }
        return m.group(1) + " " + m.group(2) + options(options) + " " + m.group(3);
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
