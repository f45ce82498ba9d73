package io.tributary.pipelines.runtime;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The time range an SRE backfill reads from the database ({@link SreOptions#BACKFILL_FROM}, {@link
 * SreOptions#BACKFILL_UNTIL}): half-open, either end open. The same range filters the JDBC reads
 * and scopes the bronze and silver overwrites, so a backfill replaces exactly the rows it read and
 * leaves every other time as it was.
 */
@Internal
public final class SourceTimeRange {
    private static final DateTimeFormatter SQL_TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private final LocalDateTime from;
    private final LocalDateTime until;

    private SourceTimeRange(LocalDateTime from, LocalDateTime until) {
        this.from = from;
        this.until = until;
    }

    /**
     * The range {@code fromOption} and {@code untilOption} set; empty for a backfill of whole
     * tables. {@code what} names the backfill in messages ("The SRE backfill").
     */
    public static Optional<SourceTimeRange> fromConfig(
            ReadableConfig conf,
            ConfigOption<String> fromOption,
            ConfigOption<String> untilOption,
            String what) {
        LocalDateTime from = bound(conf, fromOption);
        LocalDateTime until = bound(conf, untilOption);
        if (from == null && until == null) {
            return Optional.empty();
        }
        if (from != null && until != null && !from.isBefore(until)) {
            throw new ConfigurationError(
                    what
                            + "'s time range is empty: "
                            + fromOption.key()
                            + " ("
                            + from
                            + ") is not before "
                            + untilOption.key()
                            + " ("
                            + until
                            + ")",
                    "set a start before the end, or leave one of them out for an open range");
        }
        return Optional.of(new SourceTimeRange(from, until));
    }

    /** A range with both ends set. */
    public static SourceTimeRange of(LocalDateTime from, LocalDateTime until) {
        return new SourceTimeRange(from, until);
    }

    public Optional<LocalDateTime> from() {
        return Optional.ofNullable(from);
    }

    public Optional<LocalDateTime> until() {
        return Optional.ofNullable(until);
    }

    private static LocalDateTime bound(ReadableConfig conf, ConfigOption<String> option) {
        Optional<String> text =
                conf.getOptional(option).map(String::trim).filter(t -> !t.isEmpty());
        if (text.isEmpty()) {
            return null;
        }
        String t = text.get().replace(' ', 'T');
        try {
            return t.contains("T") ? LocalDateTime.parse(t) : LocalDate.parse(t).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new ConfigurationError(
                    option.key() + " = '" + text.get() + "' is not a date or date-time",
                    "use an ISO date or date-time, e.g. "
                            + option.key()
                            + "=2025-03-01 or 2025-03-01T06:00");
        }
    }

    /**
     * The filter of a JDBC read of rows whose {@code column} lies in the range, as a SQL WHERE
     * clause.
     */
    public String where(String column) {
        List<String> conditions = new ArrayList<>();
        if (from != null) {
            conditions.add("`" + column + "` >= TIMESTAMP '" + sqlTimestamp(from) + "'");
        }
        if (until != null) {
            conditions.add("`" + column + "` < TIMESTAMP '" + sqlTimestamp(until) + "'");
        }
        return " WHERE " + String.join(" AND ", conditions);
    }

    public BackfillScope scope(String column) {
        return BackfillScope.ofTimeRange(column, from, until);
    }

    @Override
    public String toString() {
        return "["
                + (from == null ? "the first row" : from)
                + ", "
                + (until == null ? "the last row]" : until + ")");
    }

    private static String sqlTimestamp(LocalDateTime t) {
        return SQL_TIMESTAMP.format(t);
    }
}
