package io.tributary.connector.delta.internal;

import io.delta.kernel.Operation;
import io.delta.kernel.Transaction;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;

/**
 * Streams rows into Parquet data files through a {@link PartitionedFileWriter} and hands the files
 * downstream before every checkpoint barrier and at end of input, as {@link DeltaCommittable}s
 * tagged with the checkpoint they belong to. Nothing here touches the Delta log.
 *
 * <p>Rows are not buffered: a writer holds at most one row group per open file in Parquet's
 * compressed in-memory form.
 */
@Internal
public class DeltaWriterOperator extends AbstractStreamOperator<DeltaCommittable>
        implements OneInputStreamOperator<RowData, DeltaCommittable>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    /** Accumulator names: prefix + sink id, summed over the writers. */
    public static final String ROWS_ACCUMULATOR_PREFIX = "delta-rows:";

    public static final String FILES_ACCUMULATOR_PREFIX = "delta-files:";

    private final DeltaSinkConfig config;

    private transient PartitionedFileWriter files;
    private transient ReplaceWhere replaceWhere;
    private transient Counter filesWritten;
    private transient Counter rowsWritten;
    private transient LongCounter rowsAccumulator;
    private transient LongCounter filesAccumulator;

    public DeltaWriterOperator(DeltaSinkConfig config) {
        this.config = config;
        // Chained to the operator that produces the rows: no serialisation, and in batch mode no
        // blocking shuffle that would spill every row to disk before it is written.
        setChainingStrategy(ChainingStrategy.ALWAYS);
    }

    @Override
    public void open() throws Exception {
        super.open();
        FlinkFileIO fileIO = new FlinkFileIO(config.kernelConf);
        Engine engine = DefaultEngine.create(fileIO);
        Transaction txn =
                DeltaTables.transactionBuilder(engine, config, Operation.WRITE).build(engine);
        files =
                new PartitionedFileWriter(
                        config,
                        fileIO,
                        txn.getTransactionState(engine),
                        String.format(
                                "part-%05d",
                                getRuntimeContext().getTaskInfo().getIndexOfThisSubtask()));
        replaceWhere = ReplaceWhere.of(config).orElse(null);
        filesWritten = getRuntimeContext().getMetricGroup().counter("deltaFilesWritten");
        rowsWritten = getRuntimeContext().getMetricGroup().counter("deltaRowsWritten");
        // Accumulators let a client show progress per table while the job runs.
        rowsAccumulator = new LongCounter();
        filesAccumulator = new LongCounter();
        getRuntimeContext()
                .addAccumulator(ROWS_ACCUMULATOR_PREFIX + config.sinkId, rowsAccumulator);
        getRuntimeContext()
                .addAccumulator(FILES_ACCUMULATOR_PREFIX + config.sinkId, filesAccumulator);
    }

    @Override
    public void processElement(StreamRecord<RowData> element) throws IOException {
        if (replaceWhere != null) {
            replaceWhere.requireInScope(element.getValue());
        }
        files.write(element.getValue());
        rowsWritten.inc();
        rowsAccumulator.add(1L);
    }

    private void finishAndEmit(long checkpointId) throws IOException {
        for (StagedFile file : files.finishAll()) {
            output.collect(new StreamRecord<>(file.forCheckpoint(checkpointId)));
            filesWritten.inc();
            filesAccumulator.add(1L);
        }
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        finishAndEmit(checkpointId);
    }

    @Override
    public void endInput() throws Exception {
        finishAndEmit(DeltaCommittable.END_OF_INPUT);
    }

    /** On failure or cancellation: files that were never handed to the committer are deleted. */
    @Override
    public void close() throws Exception {
        if (files != null) {
            files.abort();
        }
        super.close();
    }
}
