package io.tributary.pipelines.testutils;

import io.tributary.pipelines.runtime.EmbeddedCluster;
import io.tributary.pipelines.runtime.LakeCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/** Reads lake tables back with Flink SQL, as comma-joined rows. */
public final class Lake {
    private final TableEnvironment tEnv;

    public Lake(Configuration conf) {
        EmbeddedCluster.install();
        tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        LakeCatalog.use(tEnv, conf);
    }

    /** The plan of a query: it parses, and every table and column it names exists with its type. */
    public String explain(String sql) {
        return tEnv.explainSql(sql);
    }

    public List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(sql).collect()) {
            while (it.hasNext()) {
                Row r = it.next();
                rows.add(
                        IntStream.range(0, r.getArity())
                                .mapToObj(i -> String.valueOf(r.getField(i)))
                                .collect(Collectors.joining(",")));
            }
        }
        return rows;
    }

    /**
     * Rows with every floating-point value rounded to 9 significant digits (equal whatever order
     * sums ran in) and arrays written out, fields joined by {@code " | "}.
     */
    public List<String> rowsRounded(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(sql).collect()) {
            while (it.hasNext()) {
                Row r = it.next();
                rows.add(
                        IntStream.range(0, r.getArity())
                                .mapToObj(i -> format(r.getField(i)))
                                .collect(Collectors.joining(" | ")));
            }
        }
        return rows;
    }

    /** A value as {@link #rowsRounded} writes it, for references to format theirs alike. */
    public static String format(Object value) {
        if (value instanceof Double) {
            return String.format(java.util.Locale.ROOT, "%.9g", (Double) value);
        }
        if (value instanceof Object[]) {
            return java.util.Arrays.stream((Object[]) value)
                    .map(Lake::format)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof java.util.List) {
            return ((java.util.List<?>) value)
                    .stream().map(Lake::format).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    public long count(String table) throws Exception {
        return Long.parseLong(rows("SELECT COUNT(*) FROM " + table).get(0));
    }
}
