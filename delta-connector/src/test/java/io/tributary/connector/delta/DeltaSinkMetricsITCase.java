package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.testutils.MiniClusters;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The committer's metrics agree with what the table holds after a streaming job. */
class DeltaSinkMetricsITCase {
    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            MiniClusters.oneTaskManager(2, REPORTER.addToConfiguration(new Configuration()));

    private static final RowType ROW_TYPE =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("id", DataTypes.BIGINT()),
                                    DataTypes.FIELD("bucket", DataTypes.STRING()))
                            .getLogicalType();

    @TempDir Path dir;

    @Test
    void rowsFilesBytesVersionAndCommitTimesAreReported() throws Exception {
        long rows = 6_000;
        String table = dir.resolve("measured").toString();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(2);
        env.enableCheckpointing(100);
        DataGeneratorSource<RowData> source =
                new DataGeneratorSource<>(
                        id -> GenericRowData.of(id, StringData.fromString("b" + (id % 3))),
                        rows,
                        RateLimiterStrategy.perSecond(6_000),
                        InternalTypeInfo.of(ROW_TYPE));
        DeltaSink.builder()
                .tablePath(table)
                .rowType(ROW_TYPE)
                .partitionColumns(List.of("bucket"))
                .sinkId("measured")
                .build()
                .addTo(env.fromSource(source, WatermarkStrategy.noWatermarks(), "rows"));
        JobID job = env.execute("metrics").getJobID();

        DeltaTableInfo info = DeltaTableInfo.load(table, Map.of()).orElseThrow();
        long commits = counter(job, "deltaCommits");
        assertThat(commits).as("several checkpoints committed").isGreaterThan(1);
        assertThat(counter(job, "deltaRowsCommitted")).isEqualTo(rows);
        assertThat(counter(job, "deltaFilesAdded")).isEqualTo(info.files());
        assertThat(counter(job, "deltaFilesRemoved")).isZero();
        assertThat(counter(job, "deltaBytesCommitted")).isEqualTo(info.bytes());
        assertThat(counter(job, "deltaCommitRetries")).isZero();
        assertThat(metric(job, "deltaTableVersion", Gauge.class).getValue())
                .isEqualTo(info.version());
        Histogram durations = metric(job, "deltaCommitDurationMs", Histogram.class);
        assertThat(durations.getCount()).isEqualTo(commits);
        assertThat(durations.getStatistics().getMax()).isPositive();
        assertThat((Long) metric(job, "deltaLastCommitTimestamp", Gauge.class).getValue())
                .isPositive();
    }

    private static long counter(JobID job, String name) {
        return metric(job, name, Counter.class).getCount();
    }

    /** The one metric of that name in the job (the sink has one committer). */
    private static <M extends Metric> M metric(JobID job, String name, Class<M> type) {
        List<Metric> found =
                REPORTER.findMetrics(job, name).entrySet().stream()
                        .filter(e -> e.getKey().endsWith("." + name))
                        .map(Map.Entry::getValue)
                        .collect(Collectors.toList());
        assertThat(found).as("metric %s", name).hasSize(1);
        return type.cast(found.get(0));
    }
}
