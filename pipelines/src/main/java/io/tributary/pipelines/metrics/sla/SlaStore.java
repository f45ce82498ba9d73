package io.tributary.pipelines.metrics.sla;

import io.tributary.connector.delta.DeltaTableInfo;
import io.tributary.pipelines.command.LakeQuery;
import io.tributary.pipelines.runtime.LakeCatalog;
import io.tributary.pipelines.runtime.LakeTable;
import io.tributary.pipelines.runtime.SqlResource;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.TableEnvironment;

/**
 * The SLA definitions in the lake ({@code silver.metrics_slas}): every revision kept, the latest of
 * each SLA in force, so that the pipeline and the service read the same SLAs. Each change appends a
 * revision; a deletion is a revision too.
 */
@PublicEvolving
public final class SlaStore {
    public static final LakeTable TABLE =
            LakeTable.fromDdl(SqlResource.load(SlaStore.class, "silver.metrics_slas.sql"));

    private final Configuration conf;

    public SlaStore(Configuration conf) {
        this.conf = conf;
    }

    /** The SLAs in force: the latest revision of each, deleted ones left out. */
    public List<Sla> current() throws Exception {
        if (DeltaTableInfo.load(TABLE.location(LakeCatalog.lakeRoot(conf)), Map.of()).isEmpty()) {
            return List.of();
        }
        TableEnvironment tEnv = LakeQuery.environment(conf);
        List<List<Object>> rows =
                LakeQuery.run(
                                tEnv,
                                "SELECT sla_id, revision, name, metric, min_value, max_value, deleted"
                                        + " FROM "
                                        + TABLE.qualifiedName()
                                        + " ORDER BY sla_id, revision, metric")
                        .rows();
        Map<String, Integer> latest = new LinkedHashMap<>();
        rows.forEach(r -> latest.merge((String) r.get(0), (Integer) r.get(1), Math::max));
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<String, SlaRange>> ranges = new LinkedHashMap<>();
        for (List<Object> r : rows) {
            String id = (String) r.get(0);
            if (!r.get(1).equals(latest.get(id)) || Boolean.TRUE.equals(r.get(6))) {
                continue;
            }
            names.put(id, (String) r.get(2));
            ranges.computeIfAbsent(id, k -> new LinkedHashMap<>())
                    .put((String) r.get(3), new SlaRange((Double) r.get(4), (Double) r.get(5)));
        }
        List<Sla> slas = new ArrayList<>();
        ranges.forEach(
                (id, metrics) -> slas.add(new Sla(id, names.get(id), latest.get(id), metrics)));
        return slas;
    }

    /** Stores a new SLA, revision 1. */
    public Sla create(String name, Map<String, SlaRange> metrics) throws Exception {
        Sla sla = new Sla(UUID.randomUUID().toString(), name, 1, metrics);
        append(sla, false);
        return sla;
    }

    private void append(Sla sla, boolean deleted) throws Exception {
        TableEnvironment tEnv = LakeQuery.environment(conf);
        LakeCatalog.registerDeclared(tEnv, conf, List.of(TABLE));
        LakeCatalog.createIfAbsent(tEnv, TABLE.qualifiedName());
        String at =
                LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).toString().replace('T', ' ');
        String rows =
                sla.metrics().entrySet().stream()
                        .map(
                                m ->
                                        "("
                                                + text(sla.id())
                                                + ", "
                                                + sla.revision()
                                                + ", "
                                                + text(sla.name())
                                                + ", "
                                                + text(m.getKey())
                                                + ", "
                                                + number(m.getValue().min())
                                                + ", "
                                                + number(m.getValue().max())
                                                + ", "
                                                + deleted
                                                + ", TIMESTAMP '"
                                                + at
                                                + "')")
                        .collect(Collectors.joining(", "));
        tEnv.executeSql("INSERT INTO " + TABLE.qualifiedName() + " VALUES " + rows).await();
    }

    private static String text(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String number(Double d) {
        return d == null ? "CAST(NULL AS DOUBLE)" : "CAST(" + d + " AS DOUBLE)";
    }
}
