package io.tributary.connector.delta.source;

import io.tributary.connector.delta.internal.DeltaEngines;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceEnumerator;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceReader;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the latest snapshot of a Delta table as a bounded stream of {@link RowData}: one split per
 * data file, planned when the job starts, with projection and Kernel's partition pruning and
 * statistics-based file skipping.
 */
@PublicEvolving
public final class DeltaSource implements Source<RowData, DeltaFileSplit, Collection<DeltaFileSplit>> {
    private static final long serialVersionUID = 1L;

    private final DeltaReadConfig config;

    public DeltaSource(String tablePath, RowType producedType, List<String> partitionColumns,
            List<ColumnFilter> filters, Map<String, String> kernelConf) {
        this.config = new DeltaReadConfig(DeltaEngines.qualify(tablePath), producedType,
                partitionColumns, filters, kernelConf);
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<RowData, DeltaFileSplit> createReader(SourceReaderContext context) {
        return new IteratorSourceReader<>(context);
    }

    @Override
    public SplitEnumerator<DeltaFileSplit, Collection<DeltaFileSplit>> createEnumerator(
            SplitEnumeratorContext<DeltaFileSplit> context) {
        return new IteratorSourceEnumerator<>(context, DeltaSplitPlanner.plan(config));
    }

    @Override
    public SplitEnumerator<DeltaFileSplit, Collection<DeltaFileSplit>> restoreEnumerator(
            SplitEnumeratorContext<DeltaFileSplit> context, Collection<DeltaFileSplit> checkpoint) {
        return new IteratorSourceEnumerator<>(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<DeltaFileSplit> getSplitSerializer() {
        return new DeltaSplitSerializer.Split();
    }

    @Override
    public SimpleVersionedSerializer<Collection<DeltaFileSplit>> getEnumeratorCheckpointSerializer() {
        return new DeltaSplitSerializer.Remaining();
    }
}
