package io.tributary.connector.delta.source;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.tributary.connector.delta.internal.DeltaEngines;
import io.tributary.connector.delta.internal.Iterators;
import io.tributary.connector.delta.internal.KernelValues;
import io.tributary.connector.delta.internal.PartitionValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Reads the rows of one Parquet data file through Kernel, adding partition columns from the Delta
 * log. Closes the file as soon as it is exhausted.
 */
@Internal
public final class DeltaFileIterator implements java.util.Iterator<RowData>, AutoCloseable {
    private final DeltaFileSplit split;
    private final RowType producedType;

    /** For each produced field: its ordinal in the physical batch, or -1 for a partition column. */
    private final int[] physicalOrdinals;

    private final Object[] partitionValues;
    private CloseableIterator<FileReadResult> results;
    private ColumnarBatch batch;
    private int rowInBatch;
    private long returned;

    DeltaFileIterator(DeltaFileSplit split) {
        this.split = split;
        DeltaReadConfig config = split.config;
        this.producedType = config.producedType;
        StructType physical = config.physicalReadSchema();
        List<String> names = producedType.getFieldNames();
        physicalOrdinals = new int[names.size()];
        partitionValues = new Object[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (config.partitionColumns.contains(name)) {
                physicalOrdinals[i] = -1;
                partitionValues[i] =
                        PartitionValues.toFlink(
                                split.partitionValues.get(name), producedType.getTypeAt(i));
            } else {
                physicalOrdinals[i] = physical.indexOf(name);
            }
        }
        Engine engine = DeltaEngines.create(config.kernelConf);
        try {
            results =
                    engine.getParquetHandler()
                            .readParquetFiles(
                                    Iterators.closeable(
                                            List.of(FileStatus.of(split.path, sizeOf(split), 0L))
                                                    .iterator()),
                                    physical,
                                    Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Delta data file " + split.path, e);
        }
        for (long i = 0; i < split.rowsToSkip && hasNext(); i++) {
            next();
        }
    }

    /** Reads one data file of a table with all its columns, partition columns included. */
    public static DeltaFileIterator open(
            String tablePath,
            RowType rowType,
            List<String> partitionColumns,
            Map<String, String> kernelConf,
            String path,
            long size,
            Map<String, String> partitionValues) {
        DeltaReadConfig config =
                new DeltaReadConfig(tablePath, rowType, partitionColumns, List.of(), kernelConf);
        return new DeltaFileIterator(new DeltaFileSplit(config, path, size, partitionValues, 0L));
    }

    /** Remove actions may omit the size that the Parquet footer lookup needs. */
    private static long sizeOf(DeltaFileSplit split) throws IOException {
        if (split.size >= 0) {
            return split.size;
        }
        org.apache.flink.core.fs.Path path = new org.apache.flink.core.fs.Path(split.path);
        return path.getFileSystem().getFileStatus(path).getLen();
    }

    long rowsReturned() {
        return returned;
    }

    @Override
    public boolean hasNext() {
        while (batch == null || rowInBatch >= batch.getSize()) {
            if (results == null) {
                return false;
            }
            if (!results.hasNext()) {
                close();
                return false;
            }
            batch = results.next().getData();
            rowInBatch = 0;
        }
        return true;
    }

    @Override
    public RowData next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        GenericRowData row = new GenericRowData(split.kind, physicalOrdinals.length);
        for (int i = 0; i < physicalOrdinals.length; i++) {
            int ordinal = physicalOrdinals[i];
            if (ordinal < 0) {
                row.setField(i, partitionValues[i]);
            } else {
                ColumnVector vector = batch.getColumnVector(ordinal);
                LogicalType type = producedType.getTypeAt(i);
                row.setField(i, KernelValues.get(vector, rowInBatch, type));
            }
        }
        rowInBatch++;
        returned++;
        return row;
    }

    /** Releases the file early; exhausting the iterator does the same. */
    @Override
    public void close() {
        if (results == null) {
            return;
        }
        try {
            results.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            results = null;
            batch = null;
        }
    }
}
