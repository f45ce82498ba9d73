package io.tributary.connector.delta.internal;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.LogicalType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Buffers rows per partition and stages them as Parquet files through Delta Kernel, which also
 * computes each file's statistics. Files are flushed when the buffer is full, before every
 * checkpoint barrier and at end of input, and travel downstream as {@link DeltaCommittable}s
 * tagged with the checkpoint they belong to. Nothing here touches the Delta log.
 */
@Internal
public class DeltaWriterOperator extends AbstractStreamOperator<DeltaCommittable>
        implements OneInputStreamOperator<RowData, DeltaCommittable>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final DeltaSinkConfig config;

    private transient Engine engine;
    private transient Row transactionState;
    private transient StructType schema;
    private transient RowDataSerializer serializer;
    private transient int[] partitionOrdinals;
    private transient LogicalType[] partitionTypes;
    private transient Map<List<String>, List<RowData>> buffers;
    private transient int bufferedRows;
    private transient List<DeltaCommittable> staged;
    private transient Counter filesWritten;
    private transient Counter rowsWritten;
    private transient LongCounter rowsAccumulator;
    private transient LongCounter filesAccumulator;

    /** Accumulator names: prefix + sink id, summed over the writers. */
    public static final String ROWS_ACCUMULATOR_PREFIX = "delta-rows:";
    public static final String FILES_ACCUMULATOR_PREFIX = "delta-files:";

    public DeltaWriterOperator(DeltaSinkConfig config) {
        this.config = config;
    }

    @Override
    public void open() throws Exception {
        super.open();
        engine = DeltaEngines.create(config.kernelConf);
        schema = config.deltaSchema();
        Transaction txn = DeltaTables.transactionBuilder(engine, config, Operation.WRITE).build(engine);
        transactionState = txn.getTransactionState(engine);
        serializer = new RowDataSerializer(config.rowType);
        partitionOrdinals = config.partitionColumns.stream().mapToInt(c -> config.rowType.getFieldIndex(c)).toArray();
        partitionTypes = Arrays.stream(partitionOrdinals).mapToObj(config.rowType::getTypeAt).toArray(LogicalType[]::new);
        buffers = new HashMap<>();
        staged = new ArrayList<>();
        filesWritten = getRuntimeContext().getMetricGroup().counter("deltaFilesWritten");
        rowsWritten = getRuntimeContext().getMetricGroup().counter("deltaRowsWritten");
        // Accumulators let a client show progress per table while the job runs.
        rowsAccumulator = new LongCounter();
        filesAccumulator = new LongCounter();
        getRuntimeContext().addAccumulator(ROWS_ACCUMULATOR_PREFIX + config.sinkId, rowsAccumulator);
        getRuntimeContext().addAccumulator(FILES_ACCUMULATOR_PREFIX + config.sinkId, filesAccumulator);
    }

    @Override
    public void processElement(StreamRecord<RowData> element) throws IOException {
        RowData row = element.getValue();
        List<String> partition = partitionOf(row);
        buffers.computeIfAbsent(partition, p -> new ArrayList<>()).add(serializer.copy(row));
        if (++bufferedRows >= config.maxBufferedRows) {
            flushLargestBuffer();
        }
    }

    private List<String> partitionOf(RowData row) {
        if (partitionOrdinals.length == 0) {
            return List.of();
        }
        String[] values = new String[partitionOrdinals.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = PartitionValues.toDeltaString(row, partitionOrdinals[i], partitionTypes[i]);
        }
        return Arrays.asList(values);
    }

    private void flushLargestBuffer() throws IOException {
        List<String> largest = null;
        int size = -1;
        for (Map.Entry<List<String>, List<RowData>> e : buffers.entrySet()) {
            if (e.getValue().size() > size) {
                largest = e.getKey();
                size = e.getValue().size();
            }
        }
        if (largest != null) {
            writeFiles(largest, buffers.remove(largest));
        }
    }

    private void writeFiles(List<String> partition, List<RowData> rows) throws IOException {
        bufferedRows -= rows.size();
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        Map<String, Literal> literals = new HashMap<>();
        for (int i = 0; i < partition.size(); i++) {
            String column = config.partitionColumns.get(i);
            values.put(column, partition.get(i));
            literals.put(column, PartitionValues.toLiteral(partition.get(i), schema.get(column).getDataType()));
        }
        DataWriteContext context = Transaction.getWriteContext(engine, transactionState, literals);
        FilteredColumnarBatch logical = new FilteredColumnarBatch(
                new RowDataColumnarBatch(schema, config.rowType, rows), Optional.empty());
        CloseableIterator<FilteredColumnarBatch> physical = Transaction.transformLogicalData(
                engine, transactionState, Iterators.closeable(List.of(logical).iterator()), literals);
        try (CloseableIterator<DataFileStatus> files = engine.getParquetHandler()
                .writeParquetFiles(context.getTargetDirectory(), physical, context.getStatisticsColumns())) {
            while (files.hasNext()) {
                DataFileStatus file = files.next();
                long numRecords = file.getStatistics().map(s -> s.getNumRecords()).orElse(-1L);
                String stats = file.getStatistics().map(s -> s.serializeAsJson(schema)).orElse(null);
                staged.add(new DeltaCommittable(0L, file.getPath(), file.getSize(),
                        file.getModificationTime(), numRecords, stats, values));
                filesWritten.inc();
                filesAccumulator.add(1L);
            }
        }
        rowsWritten.inc(rows.size());
        rowsAccumulator.add(rows.size());
    }

    private void flushAndEmit(long checkpointId) throws IOException {
        for (Map.Entry<List<String>, List<RowData>> e : buffers.entrySet()) {
            writeFiles(e.getKey(), e.getValue());
        }
        buffers.clear();
        for (DeltaCommittable committable : staged) {
            committable.checkpointId = checkpointId;
            output.collect(new StreamRecord<>(committable));
        }
        staged.clear();
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        flushAndEmit(checkpointId);
    }

    @Override
    public void endInput() throws Exception {
        flushAndEmit(DeltaCommittable.END_OF_INPUT);
    }
}
