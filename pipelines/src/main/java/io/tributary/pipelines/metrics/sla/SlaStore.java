package io.tributary.pipelines.metrics.sla;

import io.tributary.connector.delta.DeltaTableAppender;
import io.tributary.connector.delta.DeltaTableReader;
import io.tributary.pipelines.runtime.LakeCatalog;
import io.tributary.pipelines.runtime.LakeTable;
import io.tributary.pipelines.runtime.SqlResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.DoubleType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * The SLA definitions in the lake ({@code silver.metrics_slas}), read and written without a Flink
 * job, so that the pipeline and the service see the same SLAs. Every revision is kept: a change
 * appends the next revision, a deletion too; the latest revision of an SLA is the SLA. Revision n
 * of an SLA is committed once ({@link DeltaTableAppender}: app id {@code sla:<id>}, version n), so
 * of two writers changing the same revision one wins and the other gets an {@link SlaConflict}.
 */
@PublicEvolving
public final class SlaStore {
    public static final LakeTable TABLE =
            LakeTable.fromDdl(SqlResource.load(SlaStore.class, "silver.metrics_slas.sql"));

    static final RowType ROW =
            RowType.of(
                    new LogicalType[] {
                        VarCharType.STRING_TYPE,
                        new IntType(),
                        VarCharType.STRING_TYPE,
                        VarCharType.STRING_TYPE,
                        new DoubleType(),
                        new DoubleType(),
                        new BooleanType(),
                        new TimestampType(3)
                    },
                    new String[] {
                        "sla_id",
                        "revision",
                        "name",
                        "metric",
                        "min_value",
                        "max_value",
                        "deleted",
                        "changed_at"
                    });

    private final String location;

    public SlaStore(ReadableConfig conf) {
        this(location(conf));
    }

    private SlaStore(String location) {
        this.location = location;
    }

    /** The store of the table at {@code location} (see {@link #location}). */
    public static SlaStore at(String location) {
        return new SlaStore(location);
    }

    /** Where the lake of {@code conf} keeps the SLAs. */
    public static String location(ReadableConfig conf) {
        return TABLE.location(LakeCatalog.lakeRoot(conf));
    }

    /** The SLAs in force: the latest revision of each, deleted ones left out, by name. */
    public List<Sla> current() {
        List<Sla> slas = new ArrayList<>();
        latest().values().stream().filter(r -> !r.deleted).forEach(r -> slas.add(r.sla));
        slas.sort(Comparator.comparing(Sla::name).thenComparing(Sla::id));
        return slas;
    }

    /** The SLA in force with this id. */
    public Optional<Sla> get(String id) {
        Revision r = latest().get(id);
        return r == null || r.deleted ? Optional.empty() : Optional.of(r.sla);
    }

    /** Stores a new SLA, revision 1. */
    public Sla create(String name, Map<String, SlaRange> metrics) {
        Sla sla = new Sla(UUID.randomUUID().toString(), name, 1, metrics);
        if (!write(sla, false)) {
            throw new IllegalStateException("a new SLA's id was taken: " + sla.id());
        }
        return sla;
    }

    /**
     * Replaces the SLA, whose latest revision must be {@code expectedRevision}, with the next.
     *
     * @throws SlaConflict when another revision came first
     * @throws java.util.NoSuchElementException when there is no such SLA (or it was deleted)
     */
    public Sla replace(
            String id, int expectedRevision, String name, Map<String, SlaRange> metrics) {
        requireAt(id, expectedRevision);
        Sla next = new Sla(id, name, expectedRevision + 1, metrics);
        if (!write(next, false)) {
            throw new SlaConflict(id, expectedRevision, latestRevision(id));
        }
        return next;
    }

    /** Deletes the SLA at {@code expectedRevision}: a revision of its own, the history stays. */
    public void delete(String id, int expectedRevision) {
        Sla current = requireAt(id, expectedRevision);
        Sla tombstone = new Sla(id, current.name(), expectedRevision + 1, current.metrics());
        if (!write(tombstone, true)) {
            throw new SlaConflict(id, expectedRevision, latestRevision(id));
        }
    }

    private Sla requireAt(String id, int expectedRevision) {
        Revision r = latest().get(id);
        if (r == null || r.deleted) {
            throw new java.util.NoSuchElementException("no SLA " + id);
        }
        if (r.sla.revision() != expectedRevision) {
            throw new SlaConflict(id, expectedRevision, r.sla.revision());
        }
        return r.sla;
    }

    private int latestRevision(String id) {
        Revision r = latest().get(id);
        return r == null ? 0 : r.sla.revision();
    }

    /** Appends the revision; false when that revision of the SLA was written by another. */
    private boolean write(Sla sla, boolean deleted) {
        TimestampData now = TimestampData.fromInstant(Instant.now());
        List<RowData> rows = new ArrayList<>();
        // A deletion keeps one row: its metrics need no repeating.
        Map<String, SlaRange> metrics =
                deleted
                        ? Map.of(sla.metrics().keySet().iterator().next(), first(sla))
                        : sla.metrics();
        metrics.forEach(
                (metric, range) ->
                        rows.add(
                                GenericRowData.of(
                                        StringData.fromString(sla.id()),
                                        sla.revision(),
                                        StringData.fromString(sla.name()),
                                        StringData.fromString(metric),
                                        range.min(),
                                        range.max(),
                                        deleted,
                                        now)));
        try {
            return new DeltaTableAppender(location, ROW, Map.of())
                    .append(rows, "sla:" + sla.id(), sla.revision())
                    .isPresent();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write SLA " + sla.id(), e);
        }
    }

    private static SlaRange first(Sla sla) {
        return sla.metrics().values().iterator().next();
    }

    /** The latest revision of every SLA, by id. */
    private Map<String, Revision> latest() {
        Optional<DeltaTableReader.Contents> table = DeltaTableReader.read(location, Map.of());
        Map<String, Revision> latest = new LinkedHashMap<>();
        if (table.isEmpty()) {
            return latest;
        }
        DeltaTableReader.Contents t = table.get();
        int id = t.column("sla_id");
        int revision = t.column("revision");
        Map<String, Integer> newest = new LinkedHashMap<>();
        for (RowData r : t.rows()) {
            newest.merge(r.getString(id).toString(), r.getInt(revision), Math::max);
        }
        Map<String, Map<String, SlaRange>> ranges = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Boolean> deleted = new LinkedHashMap<>();
        int name = t.column("name");
        int metric = t.column("metric");
        int min = t.column("min_value");
        int max = t.column("max_value");
        int gone = t.column("deleted");
        for (RowData r : t.rows()) {
            String key = r.getString(id).toString();
            if (r.getInt(revision) != newest.get(key)) {
                continue;
            }
            names.put(key, r.getString(name).toString());
            deleted.merge(key, r.getBoolean(gone), Boolean::logicalOr);
            ranges.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .put(
                            r.getString(metric).toString(),
                            new SlaRange(
                                    r.isNullAt(min) ? null : r.getDouble(min),
                                    r.isNullAt(max) ? null : r.getDouble(max)));
        }
        ranges.forEach(
                (key, metrics) ->
                        latest.put(
                                key,
                                new Revision(
                                        new Sla(key, names.get(key), newest.get(key), metrics),
                                        deleted.get(key))));
        return latest;
    }

    private static final class Revision {
        final Sla sla;
        final boolean deleted;

        Revision(Sla sla, boolean deleted) {
            this.sla = sla;
            this.deleted = deleted;
        }
    }
}
