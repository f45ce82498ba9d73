package io.tributary.pipelines.metrics.internal;

import io.tributary.pipelines.command.LakeQuery;
import io.tributary.pipelines.metrics.prometheus.QueryRangeResponse;
import io.tributary.pipelines.runtime.LakeTable;
import io.tributary.pipelines.runtime.LiveTables;
import io.tributary.pipelines.streams.CommittedOffsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.TableEnvironment;

/**
 * Where a stream started without a checkpoint reads each metric from: one step after the latest
 * sample time its tables hold of the stream's rows (the lowest over the tables that hold any, which
 * skip what they hold: {@code CommittedBefore}); for a metric no stream has read, after the latest
 * sample silver holds from any source (a backfill's); for one the lake knows nothing of, {@code
 * history} before now.
 */
@Internal
public final class StreamStart {
    private final Map<String, Map<String, Long>> held;
    private final Map<String, Long> latest;

    private StreamStart(Map<String, Map<String, Long>> held, Map<String, Long> latest) {
        this.held = held;
        this.latest = latest;
    }

    public static StreamStart of(Configuration conf, List<LakeTable> fedTables, String silver)
            throws Exception {
        Map<String, Map<String, Long>> held =
                CommittedOffsets.bySourcePrefix(
                        conf,
                        fedTables,
                        List.of(QueryRangeResponse.STREAM_PREFIX),
                        "source",
                        "`position`",
                        "origin = '" + LiveTables.STREAM_ORIGIN + "'");
        Map<String, Long> latest = new HashMap<>();
        Optional<LakeTable> silverTable =
                fedTables.stream().filter(t -> t.qualifiedName().equals(silver)).findFirst();
        if (silverTable.isPresent() && held.containsKey(silver)) {
            TableEnvironment tEnv = LakeQuery.environment(conf);
            for (List<Object> row :
                    LakeQuery.run(
                                    tEnv,
                                    "SELECT metric, MAX(ts) FROM " + silver + " GROUP BY metric")
                            .rows()) {
                latest.put(
                        (String) row.get(0),
                        ((LocalDateTime) row.get(1)).toInstant(ZoneOffset.UTC).toEpochMilli());
            }
        }
        return new StreamStart(held, latest);
    }

    /** What each table holds, for {@code CommittedBefore}. */
    public Map<String, Map<String, Long>> held() {
        return held;
    }

    /**
     * The last time read of {@code metric} (reading resumes one step later), or {@code fallback}.
     */
    public long readUntil(String metric, long fallback) {
        String source = QueryRangeResponse.streamSource(metric);
        Optional<Long> stream =
                held.values().stream()
                        .filter(h -> h.containsKey(source))
                        .map(h -> h.get(source))
                        .min(Long::compare);
        return stream.orElseGet(() -> latest.getOrDefault(metric, fallback));
    }
}
