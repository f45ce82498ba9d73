package io.tributary.connector.delta.internal;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.DataFileStatus;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Streams rows into one open Parquet file per partition and stages the files when they reach the
 * target size, before every checkpoint barrier and at end of input. Staged files travel downstream
 * as {@link DeltaCommittable}s tagged with the checkpoint they belong to, with the statistics Delta
 * Kernel reads from their footers. Nothing here touches the Delta log.
 *
 * <p>Rows are not buffered: a writer holds at most one row group per open file in Parquet's
 * compressed in-memory form, and at most {@code sink.max-open-files} files are open at once (when
 * a new partition arrives beyond that, the largest open file is finished first).
 */
@Internal
public class DeltaWriterOperator extends AbstractStreamOperator<DeltaCommittable>
        implements OneInputStreamOperator<RowData, DeltaCommittable>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    /** Accumulator names: prefix + sink id, summed over the writers. */
    public static final String ROWS_ACCUMULATOR_PREFIX = "delta-rows:";
    public static final String FILES_ACCUMULATOR_PREFIX = "delta-files:";

    private final DeltaSinkConfig config;

    private transient FlinkFileIO fileIO;
    private transient Engine engine;
    private transient Row transactionState;
    private transient StructType schema;
    private transient StructType physicalSchema;
    private transient RowDataWriteSupport writeSupport;
    private transient Configuration hadoopConf;
    private transient int[] partitionOrdinals;
    private transient LogicalType[] partitionTypes;
    private transient Map<List<String>, OpenFile> open;
    private transient List<DeltaCommittable> staged;
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
        fileIO = new FlinkFileIO(config.kernelConf);
        engine = DefaultEngine.create(fileIO);
        schema = config.deltaSchema();
        Transaction txn = DeltaTables.transactionBuilder(engine, config, Operation.WRITE).build(engine);
        transactionState = txn.getTransactionState(engine);
        partitionOrdinals = config.partitionColumns.stream().mapToInt(c -> config.rowType.getFieldIndex(c)).toArray();
        partitionTypes = Arrays.stream(partitionOrdinals).mapToObj(config.rowType::getTypeAt).toArray(LogicalType[]::new);
        int[] dataOrdinals = IntStream.range(0, config.rowType.getFieldCount())
                .filter(i -> !config.partitionColumns.contains(config.rowType.getFieldNames().get(i)))
                .toArray();
        physicalSchema = new StructType();
        for (int ordinal : dataOrdinals) {
            physicalSchema = physicalSchema.add(schema.at(ordinal));
        }
        writeSupport = new RowDataWriteSupport(config.rowType, dataOrdinals);
        hadoopConf = new Configuration(false);
        open = new HashMap<>();
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
        OpenFile file = open.get(partition);
        if (file == null) {
            file = openFile(partition);
        }
        file.writer.write(row);
        rowsWritten.inc();
        rowsAccumulator.add(1L);
        if (file.writer.dataSize() >= config.targetFileSize) {
            finish(partition);
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

    private OpenFile openFile(List<String> partition) throws IOException {
        if (open.size() >= config.maxOpenFiles) {
            finish(largestOpenFile());
        }
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        Map<String, Literal> literals = new HashMap<>();
        for (int i = 0; i < partition.size(); i++) {
            String column = config.partitionColumns.get(i);
            values.put(column, partition.get(i));
            literals.put(column, PartitionValues.toLiteral(partition.get(i), schema.get(column).getDataType()));
        }
        DataWriteContext context = Transaction.getWriteContext(engine, transactionState, literals);
        String directory = context.getTargetDirectory().replaceAll("/+$", "");
        String path = String.format("%s/part-%05d-%s.c000.snappy.parquet",
                directory, getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), UUID.randomUUID());
        OpenFile file = new OpenFile(
                new DeltaFileWriter(path, writeSupport, hadoopConf, config.rowGroupSize),
                values, context.getStatisticsColumns());
        open.put(partition, file);
        return file;
    }

    private List<String> largestOpenFile() {
        return open.entrySet().stream()
                .max(Comparator.comparingLong(e -> e.getValue().writer.dataSize()))
                .map(Map.Entry::getKey)
                .orElseThrow();
    }

    private void finish(List<String> partition) throws IOException {
        OpenFile file = open.remove(partition);
        DataFileStatus status = file.writer.finish(fileIO, physicalSchema, file.statsColumns);
        long numRecords = status.getStatistics().map(s -> s.getNumRecords()).orElse(file.writer.rows());
        String stats = status.getStatistics().map(s -> s.serializeAsJson(physicalSchema)).orElse(null);
        staged.add(new DeltaCommittable(0L, status.getPath(), status.getSize(),
                status.getModificationTime(), numRecords, stats, file.partitionValues));
        filesWritten.inc();
        filesAccumulator.add(1L);
    }

    private void finishAndEmit(long checkpointId) throws IOException {
        for (List<String> partition : new ArrayList<>(open.keySet())) {
            finish(partition);
        }
        for (DeltaCommittable committable : staged) {
            committable.checkpointId = checkpointId;
            output.collect(new StreamRecord<>(committable));
        }
        staged.clear();
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
        if (open != null) {
            open.values().forEach(f -> f.writer.abort());
            open.clear();
        }
        super.close();
    }

    private static final class OpenFile {
        final DeltaFileWriter writer;
        final LinkedHashMap<String, String> partitionValues;
        final List<Column> statsColumns;

        OpenFile(DeltaFileWriter writer, LinkedHashMap<String, String> partitionValues, List<Column> statsColumns) {
            this.writer = writer;
            this.partitionValues = partitionValues;
            this.statsColumns = statsColumns;
        }
    }
}
