package io.tributary.pipelines.runtime;

import io.tributary.connector.delta.DeltaConnectorOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;

/**
 * How a streaming job reads a lake table that it also writes, so that what it computes from the
 * table (gold from silver) is what a batch run over the table would compute, without waiting for
 * its own commits: the table's rows from elsewhere ({@code origin <> 'stream'}: backfills, read
 * continuously, so a backfill's overwrite arrives as deletes and inserts), the rows earlier runs of
 * the stream committed ({@code origin = 'stream'}, read once at start; this job's Kafka offsets
 * continue after them), and this job's own rows, straight from the query that writes them.
 *
 * <p>The result is a temporary view that shadows the table's name, created after the inserts into
 * the table were planned, so they still write the table itself.
 */
@Internal
public final class LiveTables {
    /** The {@code origin} partition of rows a streaming job writes. */
    public static final String STREAM_ORIGIN = "stream";

    /** The {@code origin} partition of rows a backfill writes. */
    public static final String LANDING_ORIGIN = "landing";

    private LiveTables() {}

    /**
     * Shadows {@code table} with its live view. The table must exist in the lake already (see
     * {@link LakeCatalog#createIfAbsent}), since the view reads it before this job's first commit.
     *
     * @param insert the statement of this job that writes the table
     * @param monitorInterval how often to look for other writers' commits; null reads them once
     * @param catchUpDir where the reads say they have read the table's rows as of the start ({@link
     *     #catchUpDir}), so that outputs recomputed from them are replaced only then
     */
    public static void shadow(
            TableEnvironment tEnv,
            String table,
            String insert,
            Duration monitorInterval,
            String catchUpDir) {
        Optional<InsertStatement> statement = InsertStatement.parse(insert);
        if (statement.isEmpty() || !statement.get().table().equalsIgnoreCase(table)) {
            throw new IllegalArgumentException("Not an INSERT INTO " + table + ": " + insert);
        }
        ResolvedSchema schema = tEnv.from(table).getResolvedSchema();
        if (!schema.getColumnNames().contains("origin")) {
            throw new IllegalArgumentException(
                    table + " has no origin column; a live read needs one");
        }
        String continuous = readOptions(monitorInterval, catchUpDir);
        String once = readOptions(null, catchUpDir);
        String columns = columnList(schema);
        String produced = rowsWritten(schema, statement.get());
        String query =
                "SELECT "
                        + columns
                        + " FROM "
                        + table
                        + continuous
                        + " WHERE origin <> '"
                        + STREAM_ORIGIN
                        + "'"
                        + " UNION ALL SELECT "
                        + columns
                        + " FROM "
                        + table
                        + once
                        + " WHERE origin = '"
                        + STREAM_ORIGIN
                        + "'"
                        + " UNION ALL "
                        + produced;
        Table live = tEnv.sqlQuery(query);
        tEnv.createTemporaryView(table, live);
    }

    /**
     * The rows an INSERT writes, as a query: its own query, the columns renamed and cast to the
     * table's as the insert writes them.
     */
    static String rowsWritten(ResolvedSchema schema, InsertStatement insert) {
        List<Column> typed = schema.getColumns();
        String aliases =
                IntStream.range(0, typed.size())
                        .mapToObj(i -> quote("_c" + i))
                        .collect(Collectors.joining(", "));
        return "SELECT "
                + IntStream.range(0, typed.size())
                        .mapToObj(
                                i ->
                                        "CAST("
                                                + quote("_c" + i)
                                                + " AS "
                                                + typed.get(i)
                                                        .getDataType()
                                                        .getLogicalType()
                                                        .copy(true)
                                                        .asSerializableString()
                                                + ") AS "
                                                + quote(typed.get(i).getName()))
                        .collect(Collectors.joining(", "))
                + " FROM ("
                + insert.query()
                + ") AS written("
                + aliases
                + ")";
    }

    /** The table's columns, quoted, for a SELECT list. */
    static String columnList(ResolvedSchema schema) {
        return schema.getColumns().stream()
                .map(c -> quote(c.getName()))
                .collect(Collectors.joining(", "));
    }

    /**
     * The options of a live read of a table: continuous when {@code monitorInterval} is set, and
     * saying in {@code catchUpDir} when it has read the table's rows as of the start.
     */
    public static String readOptions(Duration monitorInterval, String catchUpDir) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        if (monitorInterval != null) {
            options.put(
                    DeltaConnectorOptions.SOURCE_MONITOR_INTERVAL.key(),
                    monitorInterval.toMillis() + " ms");
        }
        options.put(DeltaConnectorOptions.SOURCE_CATCH_UP_DIR.key(), catchUpDir);
        return SqlHints.options(options);
    }

    /**
     * The sink options of a streaming statement that recomputes its whole output from live reads:
     * it replaces the table with its first commit, taken once the reads have caught up (D13), so
     * the table never shows a result of half the input.
     */
    public static Map<String, String> recomputingSinkOptions(String catchUpDir) {
        return Map.of(
                DeltaConnectorOptions.SINK_REPLACE_ON_START.key(),
                "true",
                DeltaConnectorOptions.SINK_REPLACE_ON_START_CATCH_UP_DIR.key(),
                catchUpDir);
    }

    /**
     * Where a pipeline's streaming job's live reads say they have caught up; emptied as each run
     * starts.
     */
    public static String catchUpDir(ReadableConfig conf, String pipeline) {
        return LakeCatalog.lakeRoot(conf) + "/_tributary/catch-up/" + pipeline;
    }

    /** The target table of an INSERT statement, as written. */
    public static String targetOf(String insert) {
        return InsertStatement.parse(insert).map(InsertStatement::table).orElse(null);
    }

    private static String quote(String name) {
        return "`" + name + "`";
    }
}
