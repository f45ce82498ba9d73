package io.tributary.pipelines.cdc.command;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.annotation.Internal;

/**
 * A scripted change history of an {@code orders(id, customer, amount, status, updated_at)} table —
 * inserts, updates, deletes and re-inserts, some keys changed twice in one transaction — rendered
 * as Debezium or DMS JSON: the CDC feed of {@code tributary demo}, the benchmark and the tests.
 */
@Internal
public final class OrderChangeScript {
    /** The table's columns, as a CDC tables file lists them. */
    public static final String COLUMNS =
            "id: BIGINT\n      customer: STRING\n      amount: DECIMAL(10, 2)\n"
                    + "      status: STRING\n      updated_at: TIMESTAMP(6)";

    private static final String[] STATUSES = {"placed", "paid", "shipped", "delivered", "returned"};
    private static final long START_MICROS = 1_704_067_200_000_000L; // 2024-01-01T00:00:00Z

    /** DMS's text timestamps; a pattern, since toString() drops zero seconds. */
    private static final DateTimeFormatter DMS_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /**
     * One change: what happened to which row, when the source committed it, at which log position.
     */
    public static final class Change {
        public final String op;
        public final long id;
        public final String customer;
        public final BigDecimal amount;
        public final String status;
        public final long commitMicros;
        public final long lsn;

        Change(
                String op,
                long id,
                String customer,
                BigDecimal amount,
                String status,
                long commitMicros,
                long lsn) {
            this.op = op;
            this.id = id;
            this.customer = customer;
            this.amount = amount;
            this.status = status;
            this.commitMicros = commitMicros;
            this.lsn = lsn;
        }

        /** A delete of this row, committed at {@code micros}. */
        public Change deletedAt(long micros, long position) {
            return new Change("delete", id, customer, amount, status, micros, position);
        }

        /** The row as a Flink SQL query prints it, comma-joined. */
        public String row() {
            return id + "," + customer + "," + amount + "," + status + "," + updatedAt();
        }

        private LocalDateTime updatedAt() {
            return LocalDateTime.ofEpochSecond(
                    Math.floorDiv(commitMicros, 1_000_000),
                    (int) Math.floorMod(commitMicros, 1_000_000) * 1000,
                    ZoneOffset.UTC);
        }

        private String json() {
            return "{\"id\":"
                    + id
                    + ",\"customer\":\""
                    + customer
                    + "\",\"amount\":\""
                    + amount
                    + "\",\"status\":\""
                    + status
                    + "\",\"updated_at\":"
                    + commitMicros
                    + "}";
        }

        /**
         * A Debezium (PostgreSQL) event: {@code updated_at} as MicroTimestamp, the LSN as the
         * position.
         */
        public String debezium() {
            String image = json();
            String before = op.equals("insert") ? "null" : image;
            String after = op.equals("delete") ? "null" : image;
            String code = op.equals("insert") ? "c" : op.equals("update") ? "u" : "d";
            return "{\"before\":"
                    + before
                    + ",\"after\":"
                    + after
                    + ",\"source\":{\"connector\":\"postgresql\","
                    + "\"db\":\"shop\",\"schema\":\"public\",\"table\":\"orders\",\"ts_us\":"
                    + commitMicros
                    + ",\"ts_ms\":"
                    + commitMicros / 1000
                    + ",\"lsn\":"
                    + lsn
                    + "},\"op\":\""
                    + code
                    + "\"}";
        }

        /** A DMS record: timestamps as text, stream position and record id from the LSN. */
        public String dms() {
            String data =
                    "{\"id\":"
                            + id
                            + ",\"customer\":\""
                            + customer
                            + "\",\"amount\":"
                            + amount
                            + ",\"status\":\""
                            + status
                            + "\",\"updated_at\":\""
                            + DMS_TIMESTAMP.format(updatedAt())
                            + "\"}";
            return "{\"data\":"
                    + data
                    + ",\"metadata\":{\"timestamp\":\""
                    + Instant.now()
                    + "\",\"commit-timestamp\":\""
                    + Instant.ofEpochSecond(0, commitMicros * 1000)
                    + "\",\"record-type\":\"data\",\"operation\":\""
                    + op
                    + "\",\"partition-key-type\":\"schema-table\",\"schema-name\":\"sales\",\"table-name\":\"orders\","
                    + "\"stream-position\":\""
                    + String.format("%016X", lsn)
                    + "\",\"transaction-record-id\":"
                    + lsn % 7
                    + "}}";
        }
    }

    private OrderChangeScript() {}

    /** Changes of {@code keys} orders, in commit order. */
    public static List<Change> script(long seed, int keys, int changes) {
        Random random = new Random(seed);
        Map<Long, Change> live = new HashMap<>();
        List<Change> script = new ArrayList<>();
        long micros = START_MICROS;
        long lsn = 1_000;
        for (int i = 0; i < changes; i++) {
            boolean sameTransaction = i > 0 && random.nextInt(10) == 0;
            if (!sameTransaction) {
                micros += 1_000_000 + random.nextInt(1_000_000);
            }
            lsn += 1 + random.nextInt(50);
            long id = sameTransaction ? script.get(i - 1).id : 1 + random.nextInt(keys);
            Change current = live.get(id);
            String op = current == null ? "insert" : random.nextInt(5) == 0 ? "delete" : "update";
            Change change =
                    op.equals("delete")
                            ? new Change(
                                    op,
                                    id,
                                    current.customer,
                                    current.amount,
                                    current.status,
                                    micros,
                                    lsn)
                            : new Change(
                                    op,
                                    id,
                                    "c" + random.nextInt(100),
                                    BigDecimal.valueOf(random.nextInt(100_000), 2),
                                    STATUSES[random.nextInt(STATUSES.length)],
                                    micros,
                                    lsn);
            if (op.equals("delete")) {
                live.remove(id);
            } else {
                live.put(id, change);
            }
            script.add(change);
        }
        return script;
    }

    public static List<Change> shuffled(List<Change> script, long seed) {
        List<Change> copy = new ArrayList<>(script);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }
}
