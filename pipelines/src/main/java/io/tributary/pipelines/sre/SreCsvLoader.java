package io.tributary.pipelines.sre;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Loads the CSV files {@link SreGenerator} writes (a header row; an empty field is null) into the
 * source tables of an {@link SreDatabase}, in batches of a few thousand rows per transaction.
 */
@PublicEvolving
public final class SreCsvLoader {
    private static final int BATCH = 5_000;
    private static final Set<String> TIMES =
            Set.of("started_at", "finished_at", "ts", "opened_at", "closed_at");
    private static final Set<String> LONGS = Set.of("run_id", "id");
    private static final Set<String> INTS = Set.of("status_code", "latency_ms");
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private SreCsvLoader() {}

    /** Rows loaded per table; each table's rows are replaced (the table is emptied first). */
    public static Map<String, Long> load(SreDatabase db, Path csvDir)
            throws IOException, SQLException {
        db.createTables();
        Map<String, Long> loaded = new LinkedHashMap<>();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            for (String table : SreDatabase.TABLES) {
                loaded.put(table, loadTable(c, table, csvDir.resolve(table + ".csv")));
            }
        }
        return Collections.unmodifiableMap(loaded);
    }

    private static long loadTable(Connection c, String table, Path csv)
            throws IOException, SQLException {
        try (var delete = c.createStatement()) {
            delete.executeUpdate("DELETE FROM " + table);
        }
        long rows = 0;
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String[] columns = in.readLine().split(",", -1);
            String insert =
                    "INSERT INTO "
                            + table
                            + " ("
                            + String.join(", ", columns)
                            + ") VALUES ("
                            + String.join(", ", Collections.nCopies(columns.length, "?"))
                            + ")";
            try (PreparedStatement statement = c.prepareStatement(insert)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] values = line.split(",", -1);
                    for (int i = 0; i < columns.length; i++) {
                        bind(statement, i + 1, columns[i], i < values.length ? values[i] : "");
                    }
                    statement.addBatch();
                    if (++rows % BATCH == 0) {
                        statement.executeBatch();
                        c.commit();
                    }
                }
                statement.executeBatch();
                c.commit();
            }
        }
        return rows;
    }

    private static void bind(PreparedStatement statement, int index, String column, String value)
            throws SQLException {
        if (value.isEmpty()) {
            statement.setNull(
                    index,
                    TIMES.contains(column)
                            ? Types.TIMESTAMP
                            : LONGS.contains(column)
                                    ? Types.BIGINT
                                    : INTS.contains(column) ? Types.INTEGER : Types.VARCHAR);
        } else if (TIMES.contains(column)) {
            statement.setTimestamp(index, Timestamp.valueOf(LocalDateTime.parse(value, TS)));
        } else if (LONGS.contains(column)) {
            statement.setLong(index, Long.parseLong(value));
        } else if (INTS.contains(column)) {
            statement.setInt(index, Integer.parseInt(value));
        } else {
            statement.setString(index, value);
        }
    }
}
