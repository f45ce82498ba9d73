package io.tributary.pipelines.sre.internal;

import io.tributary.pipelines.runtime.ConfigurationError;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * Checks a source table's columns against what the pipeline reads, before a job starts: Flink's
 * JDBC connector would otherwise fail deep inside the job on the first row of a mistyped column.
 */
@Internal
final class SourceColumns {
    private static final Map<LogicalTypeRoot, Set<Integer>> ACCEPTED =
            Map.of(
                    LogicalTypeRoot.BIGINT, Set.of(Types.BIGINT),
                    LogicalTypeRoot.INTEGER, Set.of(Types.INTEGER),
                    LogicalTypeRoot.VARCHAR,
                            Set.of(
                                    Types.VARCHAR,
                                    Types.CHAR,
                                    Types.LONGVARCHAR,
                                    Types.NVARCHAR,
                                    Types.NCHAR,
                                    Types.LONGNVARCHAR,
                                    Types.CLOB),
                    LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE, Set.of(Types.TIMESTAMP));

    /**
     * A key held as text may be a number at the source: run ids are UUIDs in some databases,
     * sequences in others.
     */
    static final Set<Integer> WHOLE_NUMBERS =
            Set.of(Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT);

    private SourceColumns() {}

    /**
     * Checks the columns and returns each column's JDBC type ({@link Types}), by lower-case name.
     * The {@code keys} read as text may also be whole numbers at the source.
     */
    static Map<String, Integer> check(
            Connection c, String table, List<Column> expected, List<String> keys)
            throws SQLException {
        Map<String, String> found = new HashMap<>();
        Map<String, Integer> types = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = r.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String name = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                found.put(name, meta.getColumnTypeName(i));
                types.put(name, meta.getColumnType(i));
            }
        } catch (SQLException e) {
            throw new ConfigurationError(
                    "Cannot read table " + table + ": " + e.getMessage(),
                    "create it (tributary generate sre --jdbc-url ... does) or set its name with tributary.sre.jdbc.table.*");
        }
        List<String> problems = new ArrayList<>();
        for (Column column : expected) {
            String name = column.getName().toLowerCase(Locale.ROOT);
            LogicalTypeRoot root = column.getDataType().getLogicalType().getTypeRoot();
            String wanted = column.getDataType().getLogicalType().copy(true).asSummaryString();
            if (!found.containsKey(name)) {
                problems.add(column.getName() + " is missing (" + wanted + ")");
            } else if (!ACCEPTED.getOrDefault(root, Set.of()).contains(types.get(name))
                    && !(keys.contains(column.getName())
                            && root == LogicalTypeRoot.VARCHAR
                            && WHOLE_NUMBERS.contains(types.get(name)))) {
                problems.add(column.getName() + " is " + found.get(name) + ", read as " + wanted);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationError(
                    "Table "
                            + table
                            + " does not have the columns the SRE pipeline reads: "
                            + String.join("; ", problems),
                    "give it the types of docs/sre.md (BIGINT request ids, text or whole-number run ids, INT status codes, "
                            + "text, DATETIME/TIMESTAMP times), e.g. through a view, and point tributary.sre.jdbc.table.* at it");
        }
        return types;
    }
}
