package io.tributary.pipelines.testutils;

import io.tributary.pipelines.sre.SreDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A hand-built SRE dataset whose SLIs are worked out in its comments, with the edge cases the
 * definitions must get right: a run that starts in one year and finishes in the next, a month with
 * requests but no deploys (and a failure), cancelled runs, 429/499 (good) and 5xx (bad) answers, an
 * incident opened in December and closed in January, one still open, and bad rows of every kind the
 * checks reject.
 */
public final class SreDataset {
    public static final List<String> RUN_COLUMNS =
            List.of(
                    "run_id",
                    "service",
                    "pipeline",
                    "commit_sha",
                    "started_at",
                    "finished_at",
                    "status",
                    "environment");
    public static final List<String> REQUEST_COLUMNS =
            List.of("id", "ts", "service", "endpoint", "status_code", "latency_ms");
    public static final List<String> INCIDENT_COLUMNS =
            List.of(
                    "number",
                    "caller_id",
                    "category",
                    "subcategory",
                    "u_symptom",
                    "assignment_group",
                    "incident_state",
                    "opened_at",
                    "closed_at");

    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    private long nextRequest = 1;

    public SreDataset() {
        rows.put("esteira_prod", new ArrayList<>());
        rows.put("log", new ArrayList<>());
        rows.put("chamados", new ArrayList<>());
        // web, December 2024: deploys at 20:00 and 22:00 (interval 2 h).
        run(1, "web", "2024-12-31T19:50", "2024-12-31T20:00", "success");
        run(2, "web", "2024-12-31T21:50", "2024-12-31T22:00", "success");
        // web, January 2025: a run started on New Year's Eve finishes in January, and belongs
        // there;
        // deploys at 00:10 and 10:10 (interval 10 h: missed), 3 failures (1.5 per deploy).
        run(3, "web", "2024-12-31T23:50", "2025-01-01T00:10", "success");
        run(4, "web", "2025-01-01T01:00", "2025-01-01T01:10", "failure");
        run(5, "web", "2025-01-01T02:00", "2025-01-01T02:10", "failure");
        run(6, "web", "2025-01-01T03:00", "2025-01-01T03:10", "failure");
        run(7, "web", "2025-01-01T10:00", "2025-01-01T10:10", "success");
        // api, January 2025: deploys at 00:00, 02:00, 06:00 (gaps 2 and 4 h: mean 3, median 3),
        // 2 failures and a cancelled run (counted as neither).
        run(8, "api", "2025-01-09T23:50", "2025-01-10T00:00", "success");
        run(9, "api", "2025-01-10T00:50", "2025-01-10T01:00", "failure");
        run(10, "api", "2025-01-10T01:50", "2025-01-10T02:00", "success");
        run(11, "api", "2025-01-10T02:50", "2025-01-10T03:00", "failure");
        run(12, "api", "2025-01-10T03:50", "2025-01-10T04:00", "cancelled");
        run(13, "api", "2025-01-10T05:50", "2025-01-10T06:00", "success");
        // All services, January: deploys at 01-01 00:10, 01-01 10:10, 01-10 00:00, 02:00, 06:00:
        // mean (9 d 5 h 50 min) / 4 = 55.458 h; gaps 10, 205.83, 2, 4: median 7.
        // February 2025: no deploy at all, one failure (failures per deploy undefined: missed).
        run(14, "api", "2025-02-14T09:50", "2025-02-14T10:00", "failure");
        // March 2025: api deploys at 00:00 and 03:00 (interval 3 h: met).
        run(15, "api", "2025-02-28T23:50", "2025-03-01T00:00", "success");
        run(16, "api", "2025-03-01T02:50", "2025-03-01T03:00", "success");
        // Rejected: finished before started, an unknown status, no start time.
        run(900, "api", "2025-01-10T08:00", "2025-01-10T07:00", "success");
        run(901, "api", "2025-01-10T08:00", "2025-01-10T09:00", "skipped");
        run(902, "web", null, "2025-01-10T09:00", "success");

        // December 2024: web, 2 good requests.
        requests("web", "/", "2024-12-31T18:00", 200, 200);
        // January 2025, api: 10 requests, 429 and 499 are good, 503 and 500 are not: 80 %. The 5xx
        // answers are both from /pay, which answered 4 requests (50 % failed).
        requests("api", "/pay", "2025-01-15T10:00", 503, 500, 200, 200);
        requests("api", "/items", "2025-01-15T11:00", 200, 200, 200, 200, 429, 499);
        // January 2025, web: 10 good requests. All services: 18 of 20 = 90 %.
        requests("web", "/", "2025-01-15T12:00", 200, 200, 200, 200, 200, 304, 304, 404, 404, 200);
        // February 2025: 8 good requests (a month without deploys still has availability).
        requests("api", "/items", "2025-02-15T10:00", 200, 200, 200, 200);
        requests("web", "/", "2025-02-15T10:00", 200, 200, 200, 200);
        // Rejected: no timestamp, an impossible status code.
        request(9001, null, "api", "/items", 200);
        request(9002, "2025-01-15T13:00", "api", "/items", 999);

        // December 2024: opened on the 31st, closed on 2 January (2 days), counts for December.
        incident("INC0001", "database", "dba", "2024-12-31T12:00", "2025-01-02T12:00");
        // January 2025: closed after 1, 3, 0.5 and 2 days, one still open. Mean 1.625 (missed),
        // median 1.5, p90 2.7. Late (> 1.5 days): both of dba's, whose mean is 2.5 days.
        incident("INC0002", "network", "ops", "2025-01-03T00:00", "2025-01-04T00:00");
        incident("INC0003", "database", "dba", "2025-01-05T00:00", "2025-01-08T00:00");
        incident("INC0004", "network", "ops", "2025-01-06T00:00", "2025-01-06T12:00");
        incident("INC0005", "database", "dba", "2025-01-10T00:00", "2025-01-12T00:00");
        incident("INC0006", "database", "dba", "2025-01-20T00:00", null);
        // Rejected: no opening time, closed before opened.
        incident("INC9001", "network", "ops", null, "2025-01-04T00:00");
        incident("INC9002", "network", "ops", "2025-01-04T00:00", "2025-01-03T00:00");
    }

    private void run(long id, String service, String started, String finished, String status) {
        rows.get("esteira_prod")
                .add(
                        new Object[] {
                            id,
                            service,
                            service + "-deploy",
                            String.format("%040x", id),
                            time(started),
                            time(finished),
                            status,
                            "prod"
                        });
    }

    private void requests(String service, String endpoint, String from, int... statuses) {
        LocalDateTime t = time(from);
        for (int status : statuses) {
            request(nextRequest++, t.toString(), service, endpoint, status);
            t = t.plusMinutes(1);
        }
    }

    private void request(long id, String ts, String service, String endpoint, int status) {
        rows.get("log").add(new Object[] {id, time(ts), service, endpoint, status, 120});
    }

    private void incident(
            String number, String category, String group, String opened, String closed) {
        rows.get("chamados")
                .add(
                        new Object[] {
                            number,
                            "user" + number.substring(3),
                            category,
                            category + "-1",
                            "errors",
                            group,
                            closed == null ? "In Progress" : "Closed",
                            time(opened),
                            time(closed)
                        });
    }

    private static LocalDateTime time(String text) {
        return text == null ? null : LocalDateTime.parse(text);
    }

    /**
     * Writes {@code file}: the shipped CDC tables file of the SRE pipeline with each table's topic
     * and the format replaced, for a test's own topics.
     */
    public static Path cdcTablesFile(Path file, UnaryOperator<String> topicOfTable, String format)
            throws IOException {
        String shipped =
                Files.readString(
                        Path.of(
                                System.getProperty("tributary.home", ".."),
                                "conf/examples/sre-cdc-tables.yaml"));
        Matcher topic = Pattern.compile("topic: sre\\.(\\w+)").matcher(shipped);
        StringBuilder tables = new StringBuilder();
        while (topic.find()) {
            topic.appendReplacement(
                    tables,
                    Matcher.quoteReplacement("topic: " + topicOfTable.apply(topic.group(1))));
        }
        topic.appendTail(tables);
        return Files.writeString(
                file, tables.toString().replace("format: debezium-json", "format: " + format));
    }

    /** Creates the source tables in the database and fills them with the dataset. */
    public void writeTo(SreDatabase db) throws Exception {
        db.createTables();
        try (Connection c = db.connect()) {
            for (Map.Entry<String, List<Object[]>> table : rows.entrySet()) {
                List<String> columns = columns(table.getKey());
                c.createStatement().executeUpdate("DELETE FROM " + table.getKey());
                try (PreparedStatement insert =
                        c.prepareStatement(
                                "INSERT INTO "
                                        + table.getKey()
                                        + " ("
                                        + String.join(", ", columns)
                                        + ") VALUES ("
                                        + String.join(
                                                ", ", Collections.nCopies(columns.size(), "?"))
                                        + ")")) {
                    for (Object[] row : table.getValue()) {
                        for (int i = 0; i < row.length; i++) {
                            insert.setObject(i + 1, row[i]);
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        }
    }

    /**
     * Debezium change events that end with the dataset's rows: every row inserted, the runs first
     * as 'running' without a finish time and then updated, and a few rows inserted and deleted
     * again. Per table, in commit order.
     */
    public Map<String, List<String>> debeziumEvents() {
        return changeEvents(false);
    }

    /** The same changes as AWS DMS JSON records (times as UTC text, as DMS sends them). */
    public Map<String, List<String>> dmsEvents() {
        return changeEvents(true);
    }

    private Map<String, List<String>> changeEvents(boolean dms) {
        Map<String, List<String>> events = new LinkedHashMap<>();
        long[] clock = {1_735_689_600_000L};
        for (Map.Entry<String, List<Object[]>> table : rows.entrySet()) {
            String name = table.getKey();
            List<String> columns = columns(name);
            List<String> out = new ArrayList<>();
            for (Object[] row : table.getValue()) {
                if (name.equals("esteira_prod")) {
                    Object[] running = row.clone();
                    running[5] = null;
                    running[6] = "running";
                    out.add(change(dms, name, "c", null, running, columns, clock[0]++));
                    out.add(change(dms, name, "u", running, row, columns, clock[0]++));
                } else {
                    out.add(change(dms, name, "c", null, row, columns, clock[0]++));
                }
            }
            Object[] ghost = table.getValue().get(0).clone();
            ghost[0] = ghost[0] instanceof Long ? (Object) 777_777L : "INC7777777";
            out.add(change(dms, name, "c", null, ghost, columns, clock[0]++));
            out.add(change(dms, name, "d", ghost, null, columns, clock[0]++));
            events.put(name, out);
        }
        return events;
    }

    private static String change(
            boolean dms,
            String table,
            String op,
            Object[] before,
            Object[] after,
            List<String> columns,
            long commitMillis) {
        if (!dms) {
            return debezium(
                    table,
                    op,
                    before == null ? null : json(columns, before, false),
                    after == null ? null : json(columns, after, false),
                    commitMillis);
        }
        String operation = op.equals("c") ? "insert" : op.equals("u") ? "update" : "delete";
        return "{\"data\":"
                + json(columns, after != null ? after : before, true)
                + ",\"metadata\":{\"timestamp\":\""
                + java.time.Instant.ofEpochMilli(commitMillis)
                + "\",\"commit-timestamp\":\""
                + java.time.Instant.ofEpochMilli(commitMillis)
                + "\",\"record-type\":\"data\",\"operation\":\""
                + operation
                + "\",\"partition-key-type\":\"schema-table\",\"schema-name\":\"sre\",\"table-name\":\""
                + table
                + "\"}}";
    }

    /**
     * The Debezium update that closes an open incident at {@code closedAt}, committed after every
     * event above.
     */
    public String closeIncident(String number, String closedAt) {
        Object[] open =
                rows.get("chamados").stream()
                        .filter(r -> r[0].equals(number))
                        .findFirst()
                        .orElseThrow();
        Object[] closed = open.clone();
        closed[6] = "Closed";
        closed[8] = time(closedAt);
        return debezium(
                "chamados",
                "u",
                json(INCIDENT_COLUMNS, open, false),
                json(INCIDENT_COLUMNS, closed, false),
                1_900_000_000_000L);
    }

    private static String debezium(
            String table, String op, String before, String after, long commitMillis) {
        return "{\"before\":"
                + before
                + ",\"after\":"
                + after
                + ",\"source\":{\"connector\":\"mysql\",\"db\":\"sre\","
                + "\"table\":\""
                + table
                + "\",\"ts_ms\":"
                + commitMillis
                + "},\"op\":\""
                + op
                + "\",\"ts_ms\":"
                + commitMillis
                + "}";
    }

    /** A row image: times as epoch milliseconds (Debezium) or as UTC text (DMS). */
    private static String json(List<String> columns, Object[] row, boolean timesAsText) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            String value =
                    v == null
                            ? "null"
                            : v instanceof LocalDateTime
                                    ? (timesAsText
                                            ? "\"" + v.toString().replace('T', ' ') + "\""
                                            : String.valueOf(
                                                    ((LocalDateTime) v)
                                                            .toInstant(ZoneOffset.UTC)
                                                            .toEpochMilli()))
                                    : v instanceof Number ? v.toString() : "\"" + v + "\"";
            fields.add("\"" + columns.get(i) + "\":" + value);
        }
        return fields.stream().collect(Collectors.joining(",", "{", "}"));
    }

    private static List<String> columns(String table) {
        switch (table) {
            case "esteira_prod":
                return RUN_COLUMNS;
            case "log":
                return REQUEST_COLUMNS;
            default:
                return INCIDENT_COLUMNS;
        }
    }
}
