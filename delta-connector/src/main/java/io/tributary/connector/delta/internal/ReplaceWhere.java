package io.tributary.connector.delta.internal;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StructType;
import io.tributary.connector.delta.source.DeltaFileIterator;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.data.binary.BinaryRowData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;

/**
 * The rows an {@code INSERT OVERWRITE} with {@code sink.replace-where.*} replaces: those whose
 * STRING column holds one of the given values, or whose TIMESTAMP or DATE column lies in a
 * half-open range [from, until). A backfill scoped this way replaces exactly what its input covers
 * (the rows of the files it read, the rows of a time range it read), wherever those rows sit; rows
 * of other inputs in the same partitions stay, which a partition overwrite would erase.
 *
 * <p>Writers check each row against the scope ({@link #requireInScope}): a row outside it would
 * survive the next run's replacement and be doubled. The committer removes the scope's old rows
 * ({@link #removeScopedRows}): files whose statistics put the column outside the values' range are
 * not opened, files holding only scoped rows are removed, and a file mixing scoped and other rows
 * is written again without the scoped ones.
 */
@Internal
public final class ReplaceWhere implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String tablePath;
    private final String column;
    private final int ordinal;
    private final LogicalType type;

    /** The values of a value scope; null for a range. */
    private final HashSet<String> values;

    /**
     * The same values as Flink holds strings, for the check of every row: a row's value is then
     * hashed and compared as the UTF-8 bytes it is, not decoded into a Java string first.
     */
    private transient Set<StringData> rowValues;

    /**
     * A copy of the last row value found in the scope: rows come in runs of one input file, and
     * comparing with it spares the hash of every row's value.
     */
    private transient StringData lastInScope;

    /** A range's bounds as {@link #position}s; null where the range is open. */
    private final Long from;

    private final Long until;

    ReplaceWhere(DeltaSinkConfig config) {
        this.tablePath = config.tablePath;
        this.column = config.replaceWhereColumn;
        this.ordinal = config.rowType.getFieldIndex(column);
        this.type = config.rowType.getTypeAt(ordinal);
        boolean range = config.replaceWhereFrom != null || config.replaceWhereUntil != null;
        this.values = range ? null : new HashSet<>(config.replaceWhereValues);
        this.from = config.replaceWhereFrom == null ? null : bound(config.replaceWhereFrom, type);
        this.until =
                config.replaceWhereUntil == null ? null : bound(config.replaceWhereUntil, type);
    }

    /**
     * A range bound of a TIMESTAMP column (microseconds) or DATE column (days): an ISO date, for a
     * TIMESTAMP its midnight, or an ISO date and time ({@code 2024-03-01T06:00}, a space for the
     * {@code T} allowed).
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static long bound(String text, LogicalType type) {
        String t = text.trim().replace(' ', 'T');
        try {
            if (type.getTypeRoot() == LogicalTypeRoot.DATE) {
                return LocalDate.parse(t).toEpochDay();
            }
            LocalDateTime time =
                    t.contains("T") ? LocalDateTime.parse(t) : LocalDate.parse(t).atStartOfDay();
            return TimeConversions.toMicros(TimestampData.fromLocalDateTime(time));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'"
                            + text
                            + "' is not a "
                            + (type.getTypeRoot() == LogicalTypeRoot.DATE
                                    ? "date (use 2024-03-01)"
                                    : "date or time (use 2024-03-01 or 2024-03-01T06:00:00)"),
                    e);
        }
    }

    /** The scope of a sink's overwrite, if it has one rather than a partition overwrite. */
    public static Optional<ReplaceWhere> of(DeltaSinkConfig config) {
        return config.overwrite && config.replaceWhereColumn != null
                ? Optional.of(new ReplaceWhere(config))
                : Optional.empty();
    }

    boolean holds(RowData row) {
        return holdsAt(row, ordinal);
    }

    private boolean holdsAt(RowData row, int at) {
        if (row.isNullAt(at)) {
            return false;
        }
        if (values != null) {
            if (rowValues == null) {
                rowValues = values.stream().map(StringData::fromString).collect(Collectors.toSet());
            }
            StringData value = row.getString(at);
            if (value.equals(lastInScope)) {
                return true;
            }
            if (!rowValues.contains(value)) {
                return false;
            }
            lastInScope = StringData.fromBytes(value.toBytes());
            return true;
        }
        long position = position(row, at);
        return (from == null || position >= from) && (until == null || position < until);
    }

    private long position(RowData row, int at) {
        return type.getTypeRoot() == LogicalTypeRoot.DATE
                ? row.getInt(at)
                : TimeConversions.toMicros(
                        row.getTimestamp(at, LogicalTypeChecks.getPrecision(type)));
    }

    /** Fails on a row the overwrite would not replace next time. */
    public void requireInScope(RowData row) {
        if (!holds(row)) {
            String value =
                    row.isNullAt(ordinal)
                            ? "NULL"
                            : values != null
                                    ? "'" + row.getString(ordinal) + "'"
                                    : String.valueOf(
                                            RowData.createFieldGetter(type, ordinal)
                                                    .getFieldOrNull(row));
            String scope =
                    values != null
                            ? "sink.replace-where.values (" + values.size() + " value(s))"
                            : "sink.replace-where range ["
                                    + (from == null ? "-∞" : describe(from))
                                    + ", "
                                    + (until == null ? "∞" : describe(until))
                                    + ")";
            throw new IllegalStateException(
                    "Delta table "
                            + tablePath
                            + ": a row with "
                            + column
                            + " = "
                            + value
                            + " is outside this overwrite's "
                            + scope
                            + "; a rerun would not replace it. Scope the "
                            + "overwrite to every row it writes.");
        }
    }

    private String describe(long bound) {
        return type.getTypeRoot() == LogicalTypeRoot.DATE
                ? LocalDate.ofEpochDay(bound).toString()
                : TimeConversions.fromMicros(bound).toLocalDateTime().toString();
    }

    /**
     * Remove actions for the files holding scoped rows; the rows of those files that are not in
     * scope are written again through {@code out}, to be added in the same commit. In a table with
     * a primary key, the rows of every key the overwrite writes are in scope too, wherever they
     * are: a row whose time moved into the range since the last run must not stay twice.
     */
    List<Row> removeScopedRows(
            Snapshot snapshot,
            DeltaSinkConfig config,
            Engine engine,
            PartitionedFileWriter out,
            List<StagedFile> written)
            throws IOException {
        List<Row> removes = new ArrayList<>();
        Set<BinaryRowData> keys = writtenKeys(config, written);
        if (values != null && values.isEmpty() && keys.isEmpty()) {
            return removes;
        }
        long now = System.currentTimeMillis();
        List<String> probeColumns = new ArrayList<>(List.of(column));
        config.primaryKey.stream().filter(k -> !k.equals(column)).forEach(probeColumns::add);
        RowType probe = project(config.rowType, probeColumns);
        RowKeys probeKeys =
                new RowKeys(
                        probe, config.primaryKey.isEmpty() ? List.of(column) : config.primaryKey);
        RowKeys rowKeys =
                new RowKeys(
                        config.rowType,
                        config.primaryKey.isEmpty() ? List.of(column) : config.primaryKey);
        // Keys can be anywhere, so a keyed overwrite reads the key columns of every file.
        Optional<Predicate> filter = keys.isEmpty() ? Optional.of(valueRange()) : Optional.empty();
        StructType schema = snapshot.getSchema();
        for (TableFiles.TableFile file : TableFiles.list(engine, snapshot, filter, true)) {
            if (file.statistics(schema).filter(this::holdsEveryRow).isPresent()) {
                removes.add(file.removeAction(now));
                continue;
            }
            long scoped = 0;
            long rows = 0;
            try (DeltaFileIterator it = read(config, file, probe)) {
                while (it.hasNext()) {
                    RowData row = it.next();
                    rows++;
                    if (holdsAt(row, 0)
                            || (!keys.isEmpty() && keys.contains(probeKeys.getKey(row)))) {
                        scoped++;
                    }
                }
            }
            if (scoped == 0) {
                continue;
            }
            if (scoped < rows) {
                try (DeltaFileIterator it = read(config, file, config.rowType)) {
                    while (it.hasNext()) {
                        RowData row = it.next();
                        if (!holds(row)
                                && (keys.isEmpty() || !keys.contains(rowKeys.getKey(row)))) {
                            out.write(row);
                        }
                    }
                }
            }
            removes.add(file.removeAction(now));
        }
        return removes;
    }

    /**
     * Whether a file's statistics prove every row of it in scope, so that it is removed unread (a
     * rerun of a backfill then reads back only the files that mix its input with others): no NULL
     * in the column, and one scoped value from its minimum to its maximum, or a range inside the
     * scope's. Delta's statistics are bounds (a writer that truncates a long string must raise its
     * maximum), so a minimum equal to the maximum is every value. Timestamps are kept in
     * milliseconds, cut down: a minimum stays a bound, a maximum is taken a millisecond higher.
     */
    boolean holdsEveryRow(DataFileStatistics statistics) {
        Column c = new Column(column);
        Long nulls = statistics.getNullCount().get(c);
        Literal min = statistics.getMinValues().get(c);
        Literal max = statistics.getMaxValues().get(c);
        if (nulls == null || nulls != 0 || min == null || max == null) {
            return false;
        }
        if (values != null) {
            return min.getValue() instanceof String
                    && min.getValue().equals(max.getValue())
                    && values.contains((String) min.getValue());
        }
        if (!(min.getValue() instanceof Number) || !(max.getValue() instanceof Number)) {
            return false;
        }
        long low = ((Number) min.getValue()).longValue();
        long high =
                ((Number) max.getValue()).longValue()
                        + (type.getTypeRoot() == LogicalTypeRoot.DATE ? 0 : 1000);
        return (from == null || low >= from) && (until == null || high < until);
    }

    /**
     * The primary keys of the rows in the overwrite's staged files; none for a table without a key.
     */
    private static Set<BinaryRowData> writtenKeys(
            DeltaSinkConfig config, List<StagedFile> written) {
        Set<BinaryRowData> keys = new HashSet<>();
        if (config.primaryKey.isEmpty()) {
            return keys;
        }
        RowType keyType = project(config.rowType, config.primaryKey);
        RowKeys keyOf = new RowKeys(keyType, config.primaryKey);
        for (StagedFile file : written) {
            try (DeltaFileIterator it =
                    DeltaFileIterator.open(
                            config.tablePath,
                            keyType,
                            config.partitionColumns,
                            config.kernelConf,
                            file.path(),
                            file.size(),
                            file.partition())) {
                it.forEachRemaining(row -> keys.add(keyOf.getKey(row)));
            }
        }
        return keys;
    }

    private static RowType project(RowType rowType, List<String> columns) {
        return RowType.of(
                columns.stream()
                        .map(c -> rowType.getTypeAt(rowType.getFieldIndex(c)))
                        .toArray(LogicalType[]::new),
                columns.toArray(new String[0]));
    }

    private static DeltaFileIterator read(
            DeltaSinkConfig config, TableFiles.TableFile file, RowType columns) {
        return DeltaFileIterator.open(
                config.tablePath,
                columns,
                config.partitionColumns,
                config.kernelConf,
                file.path,
                file.size,
                file.partitionValues);
    }

    /** Files whose statistics (or partition value) admit the values' range; others hold none. */
    private Predicate valueRange() {
        if (values == null) {
            return timeRange();
        }
        String min = null;
        String max = null;
        for (String v : values) {
            // Delta's statistics order strings by their UTF-8 bytes, which String.compareTo does
            // not
            // for characters beyond the Basic Multilingual Plane.
            if (min == null || utf8Compare(v, min) < 0) {
                min = v;
            }
            if (max == null || utf8Compare(v, max) > 0) {
                max = v;
            }
        }
        Column c = new Column(column);
        return new And(
                new Predicate(">=", c, Literal.ofString(min)),
                new Predicate("<=", c, Literal.ofString(max)));
    }

    /**
     * A range's file filter, a millisecond wider on each side: Delta keeps timestamp statistics in
     * milliseconds, and a file must never be skipped for a rounding.
     */
    private Predicate timeRange() {
        Column c = new Column(column);
        boolean date = type.getTypeRoot() == LogicalTypeRoot.DATE;
        Predicate lower =
                from == null
                        ? null
                        : new Predicate(
                                ">=",
                                c,
                                date
                                        ? Literal.ofDate((int) (long) from)
                                        : Literal.ofTimestampNtz(from - 1000));
        Predicate upper =
                until == null
                        ? null
                        : new Predicate(
                                "<=",
                                c,
                                date
                                        ? Literal.ofDate((int) (long) until)
                                        : Literal.ofTimestampNtz(until + 1000));
        return lower == null ? upper : upper == null ? lower : new And(lower, upper);
    }

    private static int utf8Compare(String a, String b) {
        return Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
