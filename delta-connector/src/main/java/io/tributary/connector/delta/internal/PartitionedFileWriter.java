package io.tributary.connector.delta.internal;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.data.Row;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * Writes rows of a Delta table into Parquet data files: one open file per partition, closed at the
 * target size, and at most {@code maxOpenFiles} open at once (a new partition beyond that closes
 * the file written least recently). Closed files become {@link StagedFile}s with Kernel's
 * statistics. Used by the sink's writers for appends and by its committer for copy-on-write
 * rewrites.
 */
@Internal
public final class PartitionedFileWriter {
    private final DeltaSinkConfig config;
    private final FlinkFileIO fileIO;
    private final KernelInternals.WriteContexts writeContexts;
    private final String filePrefix;
    private final StructType schema;
    private final StructType physicalSchema;
    private final RowColumns columns;
    private final LearnedDictionaries dictionaries = new LearnedDictionaries();
    private final SharedCompressor compressor = DeltaFileWriter.compressor();
    private final int[] partitionOrdinals;
    private final LogicalType[] partitionTypes;

    /**
     * In the order the files were last written, least recent first. Input comes mostly in time
     * order (a log, a day after day backfill): the file written longest ago is the one least likely
     * to get more rows. Closing the largest instead closed the day being written whenever a stray
     * row of another day needed a file, and left each day of a 400-day log in three files.
     */
    private final Map<List<String>, OpenFile> open = new LinkedHashMap<>(16, 0.75f, true);

    private final List<StagedFile> finished = new ArrayList<>();

    /**
     * The partition of the row written last and its file: rows come in runs of one partition, and
     * comparing the partition columns' values costs less than formatting them as Delta strings and
     * looking the file up.
     */
    private final LastPartition lastPartition;

    private OpenFile lastFile;

    /**
     * @param filePrefix start of every file name, e.g. {@code part-00003} for writer subtask 3
     */
    public PartitionedFileWriter(
            DeltaSinkConfig config, FlinkFileIO fileIO, Row transactionState, String filePrefix) {
        this.config = config;
        this.fileIO = fileIO;
        this.writeContexts = new KernelInternals.WriteContexts(transactionState);
        this.filePrefix = filePrefix;
        this.schema = config.deltaSchema();
        partitionOrdinals =
                config.partitionColumns.stream()
                        .mapToInt(c -> config.rowType.getFieldIndex(c))
                        .toArray();
        partitionTypes =
                Arrays.stream(partitionOrdinals)
                        .mapToObj(config.rowType::getTypeAt)
                        .toArray(LogicalType[]::new);
        lastPartition = new LastPartition(partitionOrdinals, partitionTypes);
        int[] dataOrdinals =
                IntStream.range(0, config.rowType.getFieldCount())
                        .filter(
                                i ->
                                        !config.partitionColumns.contains(
                                                config.rowType.getFieldNames().get(i)))
                        .toArray();
        StructType physical = new StructType();
        for (int ordinal : dataOrdinals) {
            physical = physical.add(schema.at(ordinal));
        }
        this.physicalSchema = physical;
        this.columns = new RowColumns(config.rowType, dataOrdinals);
    }

    public void write(RowData row) throws IOException {
        OpenFile file = lastPartition.holds(row) ? lastFile : null;
        if (file == null) {
            List<String> partition = partitionOf(row);
            file = open.get(partition);
            if (file == null) {
                file = openFile(partition);
            }
            lastPartition.remember(row);
            lastFile = file;
        }
        file.writer.write(row);
        if (file.writer.reached(config.targetFileSize)) {
            finish(file.partition);
        }
    }

    /** Closes every open file; returns all files closed since the last call. */
    public List<StagedFile> finishAll() throws IOException {
        for (List<String> partition : new ArrayList<>(open.keySet())) {
            finish(partition);
        }
        List<StagedFile> result = new ArrayList<>(finished);
        finished.clear();
        return result;
    }

    /** Deletes open files that will never be committed. */
    public void abort() {
        open.values().forEach(f -> f.writer.abort());
        open.clear();
        lastFile = null;
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
            finish(open.keySet().iterator().next());
        }
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < partition.size(); i++) {
            values.put(config.partitionColumns.get(i), partition.get(i));
        }
        DataWriteContext context =
                writeContexts.context(PartitionValues.toLiterals(values, schema));
        String directory = context.getTargetDirectory().replaceAll("/+$", "");
        String path =
                directory + "/" + filePrefix + "-" + UUID.randomUUID() + ".c000.snappy.parquet";
        OpenFile file =
                new OpenFile(
                        new DeltaFileWriter(
                                path, columns, dictionaries, compressor, config.rowGroupSize),
                        partition,
                        values,
                        context.getStatisticsColumns());
        open.put(partition, file);
        return file;
    }

    private void finish(List<String> partition) throws IOException {
        OpenFile file = open.remove(partition);
        if (file == lastFile) {
            lastFile = null;
        }
        DataFileStatus status = file.writer.finish(fileIO, physicalSchema, file.statsColumns);
        long numRecords =
                status.getStatistics().map(s -> s.getNumRecords()).orElse(file.writer.rows());
        String stats =
                status.getStatistics().map(s -> s.serializeAsJson(physicalSchema)).orElse(null);
        finished.add(
                new StagedFile(
                        0L,
                        status.getPath(),
                        status.getSize(),
                        status.getModificationTime(),
                        numRecords,
                        stats,
                        file.partitionValues));
    }

    private static final class OpenFile {
        final DeltaFileWriter writer;
        final List<String> partition;
        final LinkedHashMap<String, String> partitionValues;
        final List<Column> statsColumns;

        OpenFile(
                DeltaFileWriter writer,
                List<String> partition,
                LinkedHashMap<String, String> partitionValues,
                List<Column> statsColumns) {
            this.writer = writer;
            this.partition = partition;
            this.partitionValues = partitionValues;
            this.statsColumns = statsColumns;
        }
    }
}
