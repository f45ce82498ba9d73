package io.tributary.connector.delta.table;

import io.tributary.connector.delta.DeltaSink;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.ProviderContext;
import org.apache.flink.table.connector.sink.DataStreamSinkProvider;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.sink.abilities.SupportsOverwrite;
import org.apache.flink.table.connector.sink.abilities.SupportsPartitioning;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;

/**
 * Appends to a Delta table, or with {@code INSERT OVERWRITE} replaces it: the whole table when it
 * is not partitioned, otherwise the partitions that receive rows (dynamic partition overwrite). A
 * table with a primary key takes upserts and deletes; one without takes a full changelog when the
 * query produces one (a retraction removes one equal row).
 */
@Internal
final class DeltaDynamicTableSink
        implements DynamicTableSink, SupportsOverwrite, SupportsPartitioning {
    private final DeltaSink.Builder builder;
    private final boolean keyed;
    private boolean overwrite;
    private boolean changelog;

    DeltaDynamicTableSink(
            DeltaSink.Builder builder, boolean keyed, boolean overwrite, boolean changelog) {
        this.builder = builder;
        this.keyed = keyed;
        this.overwrite = overwrite;
        this.changelog = changelog;
    }

    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        if (keyed) {
            return ChangelogMode.upsert();
        }
        changelog = !requestedMode.containsOnly(RowKind.INSERT);
        return changelog ? ChangelogMode.all() : ChangelogMode.insertOnly();
    }

    @Override
    public SinkRuntimeProvider getSinkRuntimeProvider(Context context) {
        DeltaSink sink = builder.overwrite(overwrite).changelog(changelog).build();
        return new DataStreamSinkProvider() {
            @Override
            public DataStreamSink<?> consumeDataStream(
                    ProviderContext providerContext, DataStream<RowData> rows) {
                return sink.addTo(rows);
            }
        };
    }

    @Override
    public void applyOverwrite(boolean overwrite) {
        this.overwrite = overwrite;
    }

    @Override
    public void applyStaticPartition(Map<String, String> partition) {
        // The planner writes static partition values into every row; the writer partitions by them.
    }

    @Override
    public DynamicTableSink copy() {
        return new DeltaDynamicTableSink(builder, keyed, overwrite, changelog);
    }

    @Override
    public String asSummaryString() {
        return "Delta";
    }
}
