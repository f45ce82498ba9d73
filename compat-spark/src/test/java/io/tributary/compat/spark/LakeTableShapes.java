package io.tributary.compat.spark;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The web-log lake's tables as column lists, and one query per engine that renders every row of
 * every table as the same text: numbers as integers, timestamps in UTC to the millisecond, nulls as
 * {@code ∅}. Both engines answer one UNION ALL, tagged with the table's name.
 */
final class LakeTableShapes {
    enum Kind {
        STRING,
        INTEGER,
        DECIMAL,
        DOUBLE,
        TIMESTAMP,
        DATE,
        BOOLEAN,
        /**
         * An array of strings: its elements joined (null elements left out, as both engines do).
         */
        STRING_ARRAY,
        /** An array of anything else: its length (the engines print numbers differently). */
        ARRAY_LENGTH
    }

    static final class Column {
        final String name;
        final Kind kind;

        Column(String name, Kind kind) {
            this.name = name;
            this.kind = kind;
        }
    }

    static final class Table {
        final String name;
        final List<Column> columns;

        Table(String name, Column... columns) {
            this.name = name;
            this.columns = List.of(columns);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Column s(String name) {
        return new Column(name, Kind.STRING);
    }

    private static Column i(String name) {
        return new Column(name, Kind.INTEGER);
    }

    static final List<Table> WEBLOGS =
            List.of(
                    new Table(
                            "bronze.weblogs_raw",
                            s("line"),
                            s("source_file"),
                            i("line_number"),
                            new Column("ingest_time", Kind.TIMESTAMP),
                            s("origin")),
                    new Table(
                            "silver.weblogs_requests",
                            s("client_ip"),
                            s("ident"),
                            s("user"),
                            new Column("ts", Kind.TIMESTAMP),
                            s("utc_offset"),
                            s("method"),
                            s("endpoint"),
                            s("query"),
                            s("protocol"),
                            i("status"),
                            s("status_class"),
                            i("bytes"),
                            s("referrer"),
                            s("user_agent"),
                            new Column("is_file", Kind.BOOLEAN),
                            new Column("date", Kind.DATE),
                            s("weekday"),
                            s("source_file"),
                            i("line_number"),
                            s("origin")),
                    new Table(
                            "silver.weblogs_rejects",
                            s("raw_line"),
                            s("reason"),
                            s("source_file"),
                            i("line_number"),
                            new Column("ingest_time", Kind.TIMESTAMP),
                            s("origin")),
                    new Table(
                            "gold.weblogs_top_client_ips",
                            i("rank"),
                            s("client_ip"),
                            i("requests")),
                    new Table(
                            "gold.weblogs_top_endpoints", i("rank"), s("endpoint"), i("requests")),
                    new Table(
                            "gold.weblogs_summary",
                            i("total_requests"),
                            i("distinct_client_ips"),
                            i("days_represented"),
                            new Column("first_date", Kind.DATE),
                            new Column("last_date", Kind.DATE),
                            i("rejected_lines")),
                    new Table(
                            "gold.weblogs_bytes_by_status_class",
                            s("status_class"),
                            i("requests"),
                            i("total_bytes"),
                            i("max_bytes"),
                            i("min_bytes"),
                            new Column("avg_bytes", Kind.DOUBLE)),
                    new Table(
                            "gold.weblogs_client_errors_by_weekday",
                            i("iso_weekday"),
                            s("weekday"),
                            i("client_errors"),
                            new Column("is_max", Kind.BOOLEAN)));

    /**
     * What {@code tributary demo}'s CDC job keeps: current orders (upserted) and their SCD2
     * versions.
     */
    static final List<Table> ORDERS =
            List.of(
                    new Table(
                            "silver.shop_orders",
                            i("id"),
                            s("customer"),
                            new Column("amount", Kind.DECIMAL),
                            s("status"),
                            new Column("updated_at", Kind.TIMESTAMP)),
                    new Table(
                            "silver.shop_orders_history",
                            i("id"),
                            s("customer"),
                            new Column("amount", Kind.DECIMAL),
                            s("status"),
                            new Column("updated_at", Kind.TIMESTAMP),
                            new Column("valid_from", Kind.TIMESTAMP),
                            new Column("valid_to", Kind.TIMESTAMP),
                            new Column("is_current", Kind.BOOLEAN)));

    private LakeTableShapes() {}

    /** The retail lake's gold tables: decimals, and the recommendations' arrays. */
    static final List<Table> RETAIL =
            List.of(
                    new Table(
                            "gold.retail_daily_kpis",
                            new Column("event_date", Kind.DATE),
                            i("people_identified"),
                            i("visits"),
                            i("purchases"),
                            new Column("revenue", Kind.DECIMAL),
                            new Column("conversion_rate", Kind.DOUBLE),
                            new Column("avg_order_value", Kind.DECIMAL)),
                    new Table(
                            "gold.retail_item_similarity",
                            s("item_id"),
                            s("similar_item_id"),
                            new Column("score", Kind.DOUBLE),
                            i("similarity_rank"),
                            s("algorithm")),
                    new Table(
                            "gold.retail_recommendations",
                            s("person_id"),
                            new Column("items_seen", Kind.STRING_ARRAY),
                            new Column("items_recommended", Kind.STRING_ARRAY),
                            new Column("scores", Kind.ARRAY_LENGTH),
                            new Column("because", Kind.STRING_ARRAY),
                            s("strategy")));

    /** Flink SQL over Tributary's catalog (layers are databases). */
    static String flinkQuery(List<Table> tables) {
        return union(tables, t -> t.name, LakeTableShapes::text);
    }

    /** Spark SQL over the same folders, read by delta-spark. */
    static String sparkQuery(List<Table> tables, String lakeRoot) {
        return union(
                tables,
                t -> "delta.`" + lakeRoot + "/" + t.name.replace('.', '/') + "`",
                LakeTableShapes::text);
    }

    private static String union(
            List<Table> tables, Function<Table, String> from, Function<Column, String> text) {
        return tables.stream()
                .map(
                        t ->
                                "SELECT '"
                                        + t.name
                                        + "' AS tbl, CONCAT_WS('|', "
                                        + t.columns.stream()
                                                .map(c -> "COALESCE(" + text.apply(c) + ", '∅')")
                                                .collect(Collectors.joining(", "))
                                        + ") AS txt FROM "
                                        + from.apply(t))
                .collect(Collectors.joining(" UNION ALL "));
    }

    /** The same text in both dialects: Flink SQL and Spark SQL agree on every expression used. */
    private static String text(Column c) {
        String col = "`" + c.name + "`";
        switch (c.kind) {
            case STRING:
                return col;
            case DOUBLE:
                return "CAST(CAST(" + col + " * 1000000 AS BIGINT) AS STRING)";
            case BOOLEAN:
                return "CASE WHEN " + col + " THEN 'T' WHEN NOT " + col + " THEN 'F' END";
            case STRING_ARRAY:
                return "ARRAY_JOIN(" + col + ", ',')";
            case ARRAY_LENGTH:
                return "CAST(CARDINALITY(" + col + ") AS STRING)";
            case TIMESTAMP: // in the session zone, UTC in both
                return "DATE_FORMAT(" + col + ", 'yyyy-MM-dd HH:mm:ss.SSS')";
            default:
                return "CAST(" + col + " AS STRING)";
        }
    }
}
