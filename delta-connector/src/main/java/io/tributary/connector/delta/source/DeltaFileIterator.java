package io.tributary.connector.delta.source;

import io.tributary.connector.delta.internal.FileRows;
import io.tributary.connector.delta.internal.FlinkParquetFile;
import io.tributary.connector.delta.internal.ParquetRowReader;
import io.tributary.connector.delta.internal.PartitionValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Reads the rows of one Parquet data file, adding partition columns from the Delta log. Files of
 * top-level primitive columns go through {@link ParquetRowReader}, others through Kernel. Closes
 * the file as soon as it is exhausted.
 */
@Internal
public final class DeltaFileIterator implements java.util.Iterator<RowData>, AutoCloseable {
    private FileRows rows;
    private long returned;

    DeltaFileIterator(DeltaFileSplit split) {
        DeltaReadConfig config = split.config;
        RowType producedType = config.producedType;
        List<String> names = producedType.getFieldNames();
        boolean[] isConstant = new boolean[names.size()];
        Object[] constants = new Object[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (config.partitionColumns.contains(name)) {
                isConstant[i] = true;
                constants[i] =
                        PartitionValues.toFlink(
                                split.partitionValues.get(name), producedType.getTypeAt(i));
            }
        }
        try {
            FlinkParquetFile parquet = FlinkParquetFile.of(split.path, split.size);
            rows = ParquetRowReader.open(parquet, producedType, isConstant, constants, split.kind);
            if (rows == null) {
                rows =
                        new KernelFileRows(
                                config,
                                split.path,
                                parquet.getLength(),
                                isConstant,
                                constants,
                                split.kind);
            }
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

    long rowsReturned() {
        return returned;
    }

    @Override
    public boolean hasNext() {
        return rows != null && rows.hasNext();
    }

    @Override
    public RowData next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        returned++;
        return rows.next();
    }

    /** Releases the file early; exhausting the iterator does the same. */
    @Override
    public void close() {
        if (rows != null) {
            try {
                rows.close();
            } finally {
                rows = null;
            }
        }
    }
}
