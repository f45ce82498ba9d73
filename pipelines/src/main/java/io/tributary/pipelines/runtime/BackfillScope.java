package io.tributary.pipelines.runtime;

import io.tributary.connector.delta.DeltaConnectorOptions;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.flink.annotation.PublicEvolving;

/**
 * What a backfill of one table replaces: the rows whose {@code column} names one of the inputs this
 * run read (for landing files, each row's {@code source_file}), or the rows whose time {@code
 * column} lies in the time range this run read (for a database, [from, until)). Rows of other
 * inputs or other times stay, whatever partition they share, so day-by-day backfills add up to one
 * backfill over every day, and a rerun of a day replaces that day's rows only.
 */
@PublicEvolving
public final class BackfillScope {
    private final String column;
    private final List<String> inputs;
    private final LocalDateTime from;
    private final LocalDateTime until;

    private BackfillScope(
            String column, List<String> inputs, LocalDateTime from, LocalDateTime until) {
        this.column = column;
        this.inputs = List.copyOf(inputs);
        this.from = from;
        this.until = until;
    }

    /** The rows whose {@code column} is one of {@code inputs}. */
    public static BackfillScope ofInputs(String column, List<String> inputs) {
        return new BackfillScope(column, inputs, null, null);
    }

    /** The rows whose TIMESTAMP {@code column} lies in [from, until); null leaves that end open. */
    public static BackfillScope ofTimeRange(
            String column, LocalDateTime from, LocalDateTime until) {
        if (from == null && until == null) {
            throw new IllegalArgumentException("a time range needs a start or an end");
        }
        return new BackfillScope(column, List.of(), from, until);
    }

    public String column() {
        return column;
    }

    public List<String> inputs() {
        return inputs;
    }

    public Optional<LocalDateTime> from() {
        return Optional.ofNullable(from);
    }

    public Optional<LocalDateTime> until() {
        return Optional.ofNullable(until);
    }

    /**
     * A SQL condition true for exactly the rows a backfill with this scope keeps: the rows of other
     * inputs, and those without one. Only for a scope of inputs.
     */
    String keptRowsCondition() {
        if (from != null || until != null) {
            throw new IllegalStateException(
                    "the rows a time-range backfill keeps are not expressed in SQL here: a stage"
                            + " that reads a time-range table cannot run in the job that writes it");
        }
        String quoted = "`" + column.replace("`", "``") + "`";
        if (inputs.isEmpty()) {
            return "TRUE";
        }
        return quoted
                + " IS NULL OR "
                + quoted
                + " NOT IN ("
                + inputs.stream()
                        .map(v -> "'" + v.replace("'", "''") + "'")
                        .collect(Collectors.joining(", "))
                + ")";
    }

    /** The Delta sink options that scope an INSERT OVERWRITE to these inputs or this range. */
    Map<String, String> sinkOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(DeltaConnectorOptions.SINK_REPLACE_WHERE_COLUMN.key(), column);
        if (from == null && until == null) {
            options.put(
                    DeltaConnectorOptions.SINK_REPLACE_WHERE_VALUES.key(),
                    SqlHints.listValue(inputs));
        }
        if (from != null) {
            options.put(DeltaConnectorOptions.SINK_REPLACE_WHERE_FROM.key(), from.toString());
        }
        if (until != null) {
            options.put(DeltaConnectorOptions.SINK_REPLACE_WHERE_UNTIL.key(), until.toString());
        }
        return options;
    }
}
