package io.tributary.pipelines.sre.internal;

import io.tributary.pipelines.runtime.SqlHints;
import io.tributary.pipelines.sre.SreDatabase;
import io.tributary.pipelines.sre.SreOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * The database's three tables as Flink JDBC tables {@code jdbc_<table>}, with the columns of their
 * silver tables. A table whose key is a whole number at the source is read in {@link
 * SreOptions#SCAN_PARTITIONS} ranges of the key in parallel, between its minimum and maximum at
 * planning time; a table keyed by text (UUID run ids, incident numbers) in one scan, since the JDBC
 * connector partitions by numbers and times only. A key the silver table holds as text but the
 * source as a number is read as the number and cast.
 */
@Internal
public final class JdbcSourceTables {
    private static final Map<String, String> KEYS =
            Map.of("esteira_prod", "run_id", "log", "id", "chamados", "number");

    private JdbcSourceTables() {}

    public static void register(TableEnvironment tEnv, SreDatabase db, ReadableConfig conf)
            throws SQLException {
        Map<String, String> tableNames = new LinkedHashMap<>();
        tableNames.put("esteira_prod", conf.get(SreOptions.TABLE_RUNS));
        tableNames.put("log", conf.get(SreOptions.TABLE_REQUESTS));
        tableNames.put("chamados", conf.get(SreOptions.TABLE_INCIDENTS));
        try (Connection c = db.connect()) {
            for (Map.Entry<String, String> table : tableNames.entrySet()) {
                List<Column> expected =
                        tEnv.from("silver.sre_" + table.getKey()).getResolvedSchema().getColumns();
                String key = KEYS.get(table.getKey());
                Map<String, Integer> sourceTypes =
                        SourceColumns.check(c, table.getValue(), expected, List.of(key));
                Set<String> cast =
                        expected.stream()
                                .filter(
                                        col ->
                                                col.getDataType().getLogicalType().getTypeRoot()
                                                                == LogicalTypeRoot.VARCHAR
                                                        && SourceColumns.WHOLE_NUMBERS.contains(
                                                                sourceTypes.get(
                                                                        col.getName()
                                                                                .toLowerCase(
                                                                                        Locale
                                                                                                .ROOT))))
                                .map(Column::getName)
                                .collect(Collectors.toSet());
                Map<String, String> options = connectionOptions(db);
                options.put("table-name", table.getValue());
                options.put(
                        "scan.fetch-size", String.valueOf(conf.get(SreOptions.SCAN_FETCH_SIZE)));
                int keyType = sourceTypes.get(key.toLowerCase(Locale.ROOT));
                if (SourceColumns.WHOLE_NUMBERS.contains(keyType)) {
                    options.putAll(
                            partitions(
                                    c,
                                    table.getValue(),
                                    key,
                                    conf.get(SreOptions.SCAN_PARTITIONS)));
                }
                String name = "jdbc_" + table.getKey();
                String read = cast.isEmpty() ? name : name + "_source";
                String columns =
                        expected.stream()
                                .map(col -> column(col, cast.contains(col.getName())))
                                .collect(Collectors.joining(", "));
                tEnv.executeSql(
                        "CREATE TEMPORARY TABLE "
                                + read
                                + " ("
                                + columns
                                + ") WITH ("
                                + SqlHints.pairs(options)
                                + ")");
                if (!cast.isEmpty()) {
                    tEnv.executeSql(
                            "CREATE TEMPORARY VIEW "
                                    + name
                                    + " AS SELECT "
                                    + expected.stream()
                                            .map(
                                                    col ->
                                                            cast.contains(col.getName())
                                                                    ? "CAST(`"
                                                                            + col.getName()
                                                                            + "` AS STRING) AS `"
                                                                            + col.getName()
                                                                            + "`"
                                                                    : "`" + col.getName() + "`")
                                            .collect(Collectors.joining(", "))
                                    + " FROM "
                                    + read);
                }
            }
        }
    }

    /**
     * A column of the JDBC table: the silver type, or BIGINT where a text column is a number at the
     * source.
     */
    private static String column(Column c, boolean numberAtSource) {
        return "`"
                + c.getName()
                + "` "
                + (numberAtSource
                        ? "BIGINT"
                        : c.getDataType().getLogicalType().asSerializableString());
    }

    private static Map<String, String> partitions(
            Connection c, String table, String key, int wanted) throws SQLException {
        // The table's columns were checked, so an error here is the database's own: let it through.
        try (Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery("SELECT MIN(" + key + "), MAX(" + key + ") FROM " + table)) {
            r.next();
            long min = r.getLong(1);
            if (r.wasNull() || wanted <= 1) {
                return Map.of();
            }
            long max = r.getLong(2);
            long partitions = Math.max(1, Math.min(wanted, max - min + 1));
            return Map.of(
                    "scan.partition.column",
                    key,
                    "scan.partition.num",
                    String.valueOf(partitions),
                    "scan.partition.lower-bound",
                    String.valueOf(min),
                    "scan.partition.upper-bound",
                    String.valueOf(max));
        }
    }

    /**
     * The connector's connection options. A password read from a file or variable travels as that
     * source, read again where the connector connects ({@link PasswordSourceDriver}): the job graph
     * never holds it.
     */
    static Map<String, String> connectionOptions(SreDatabase db) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("connector", "jdbc");
        options.put("url", db.flinkUrl());
        options.put("driver", db.driver());
        if (db.user() != null) {
            // The connector takes both or neither; a user without a password has an empty one.
            options.put("username", db.user());
            options.put("password", db.password() == null ? "" : db.password());
            db.passwordSource()
                    .ifPresent(
                            source -> {
                                options.put("driver", PasswordSourceDriver.class.getName());
                                options.put("password", PasswordSourceDriver.option(source));
                            });
        }
        return options;
    }
}
