package io.tributary.connector.delta.source;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.tributary.connector.delta.internal.DeltaEngines;
import io.tributary.connector.delta.internal.FileRows;
import io.tributary.connector.delta.internal.Iterators;
import io.tributary.connector.delta.internal.KernelValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;

/**
 * The rows of one data file read through Kernel's Parquet reader: the way for the files {@link
 * io.tributary.connector.delta.internal.ParquetRowReader} does not map (nested columns, other
 * physical types).
 */
@Internal
final class KernelFileRows implements FileRows {
    private final RowType producedType;
    private final RowKind kind;

    /** For each produced field: its ordinal in the physical batch, or -1 for a constant. */
    private final int[] physicalOrdinals;

    private final Object[] constants;
    private CloseableIterator<FileReadResult> results;
    private ColumnarBatch batch;
    private int rowInBatch;

    KernelFileRows(
            DeltaReadConfig config,
            String path,
            long size,
            boolean[] isConstant,
            Object[] constants,
            RowKind kind) {
        this.producedType = config.producedType;
        this.kind = kind;
        this.constants = constants;
        StructType physical = config.physicalReadSchema();
        List<String> names = producedType.getFieldNames();
        physicalOrdinals = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            physicalOrdinals[i] = isConstant[i] ? -1 : physical.indexOf(names.get(i));
        }
        Engine engine = DeltaEngines.create(config.kernelConf);
        try {
            results =
                    engine.getParquetHandler()
                            .readParquetFiles(
                                    Iterators.closeable(
                                            List.of(FileStatus.of(path, size, 0L)).iterator()),
                                    physical,
                                    Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Delta data file " + path, e);
        }
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
        GenericRowData row = new GenericRowData(kind, physicalOrdinals.length);
        for (int i = 0; i < physicalOrdinals.length; i++) {
            int ordinal = physicalOrdinals[i];
            if (ordinal < 0) {
                row.setField(i, constants[i]);
            } else {
                ColumnVector vector = batch.getColumnVector(ordinal);
                row.setField(i, KernelValues.get(vector, rowInBatch, producedType.getTypeAt(i)));
            }
        }
        rowInBatch++;
        return row;
    }

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
