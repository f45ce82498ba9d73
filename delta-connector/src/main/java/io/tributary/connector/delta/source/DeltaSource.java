package io.tributary.connector.delta.source;

import io.tributary.connector.delta.internal.DeltaEngines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceReader;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Reads a Delta table as a stream of {@link RowData}, one split per data file, with projection and
 * Kernel's partition pruning and statistics-based file skipping.
 *
 * <p>Bounded: the latest snapshot. Continuous (a monitor interval is set): the latest snapshot,
 * then every later commit as it appears — rows of added files as inserts, rows of removed files as
 * deletes — so that a streaming query over the table retracts what an overwrite or a merge
 * replaced. Deletions are read only after everything handed out before them, and nothing is handed
 * out while a deletion is read, so a row's retraction never overtakes its insertion.
 */
@PublicEvolving
public final class DeltaSource implements Source<RowData, DeltaFileSplit, DeltaEnumeratorState> {
    private static final long serialVersionUID = 1L;

    private final DeltaReadConfig config;
    private final @Nullable Duration monitorInterval;
    private final @Nullable String catchUpDir;

    /** A bounded source over the latest snapshot. */
    public DeltaSource(
            String tablePath,
            RowType producedType,
            List<String> partitionColumns,
            List<ColumnFilter> filters,
            Map<String, String> kernelConf) {
        this(tablePath, producedType, partitionColumns, filters, kernelConf, null);
    }

    /**
     * @param monitorInterval how often to look for new commits; null for a bounded source
     */
    public DeltaSource(
            String tablePath,
            RowType producedType,
            List<String> partitionColumns,
            List<ColumnFilter> filters,
            Map<String, String> kernelConf,
            @Nullable Duration monitorInterval) {
        this(tablePath, producedType, partitionColumns, filters, kernelConf, monitorInterval, null);
    }

    /**
     * @param catchUpDir where to say when the table's rows as of the start are read (see {@code
     *     source.catch-up-dir}); null if no sink waits for it
     */
    public DeltaSource(
            String tablePath,
            RowType producedType,
            List<String> partitionColumns,
            List<ColumnFilter> filters,
            Map<String, String> kernelConf,
            @Nullable Duration monitorInterval,
            @Nullable String catchUpDir) {
        this.config =
                new DeltaReadConfig(
                        DeltaEngines.qualify(tablePath),
                        producedType,
                        partitionColumns,
                        filters,
                        kernelConf);
        this.monitorInterval = monitorInterval;
        this.catchUpDir = catchUpDir;
    }

    public boolean isContinuous() {
        return monitorInterval != null;
    }

    @Override
    public Boundedness getBoundedness() {
        return isContinuous() ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<RowData, DeltaFileSplit> createReader(SourceReaderContext context) {
        return new IteratorSourceReader<>(context);
    }

    @Override
    public SplitEnumerator<DeltaFileSplit, DeltaEnumeratorState> createEnumerator(
            SplitEnumeratorContext<DeltaFileSplit> context) {
        return new DeltaSplitEnumerator(context, config, monitorInterval, null, catchUpDir);
    }

    @Override
    public SplitEnumerator<DeltaFileSplit, DeltaEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<DeltaFileSplit> context, DeltaEnumeratorState checkpoint) {
        return new DeltaSplitEnumerator(context, config, monitorInterval, checkpoint, catchUpDir);
    }

    @Override
    public SimpleVersionedSerializer<DeltaFileSplit> getSplitSerializer() {
        return new DeltaFileSplitSerializer(config);
    }

    @Override
    public SimpleVersionedSerializer<DeltaEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new DeltaEnumeratorStateSerializer(new DeltaFileSplitSerializer(config));
    }
}
