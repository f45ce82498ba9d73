package io.tributary.connector.delta.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.OutputFile;

/**
 * One Parquet file written row by row into parquet-mr's column writers, in row groups of about
 * {@code rowGroupSize} bytes: the work of parquet-mr's {@code ParquetWriter} without its record
 * consumer (see {@link RowColumns}). Pages, compression, statistics, the column and offset indexes
 * and the footer stay parquet-mr's: a file is what {@code ParquetWriter} writes with the same
 * {@link ParquetProperties}.
 */
@Internal
final class ParquetRowWriter {
    private final RowColumns columns;
    private final ParquetProperties props;
    private final long rowGroupSize;
    private final ParquetFileWriter file;
    private final SharedCompressor compressors;
    private final CodecFactory.BytesCompressor compressor;
    private final List<ColumnDescriptor> descriptors;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore store;
    private ColumnWriter[] writers;
    private long rowsInGroup;
    private long nextGroupCheck;
    private boolean closed;

    ParquetRowWriter(
            OutputFile out,
            RowColumns columns,
            ParquetProperties props,
            SharedCompressor compressors,
            long rowGroupSize)
            throws IOException {
        this.columns = columns;
        this.props = props;
        this.rowGroupSize = rowGroupSize;
        this.descriptors = columns.schema().getColumns();
        this.file =
                new ParquetFileWriter(
                        out,
                        columns.schema(),
                        ParquetFileWriter.Mode.CREATE,
                        rowGroupSize,
                        0,
                        null,
                        props);
        file.start();
        this.compressors = compressors;
        this.compressor = compressors.acquire(props.getPageSizeThreshold());
        try {
            startGroup();
        } catch (RuntimeException e) {
            compressors.release();
            throw e;
        }
    }

    private void startGroup() {
        pages =
                new ColumnChunkPageWriteStore(
                        compressor,
                        columns.schema(),
                        props.getAllocator(),
                        props.getColumnIndexTruncateLength(),
                        props.getPageWriteChecksumEnabled());
        store = props.newColumnWriteStore(columns.schema(), pages, pages);
        writers = new ColumnWriter[descriptors.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = store.getColumnWriter(descriptors.get(i));
        }
        rowsInGroup = 0;
        nextGroupCheck = props.getMinRowCountForPageSizeCheck();
    }

    void write(RowData row) throws IOException {
        columns.write(row, writers);
        store.endRecord();
        rowsInGroup++;
        if (rowsInGroup >= nextGroupCheck) {
            checkGroupSize();
        }
    }

    /**
     * Ends the row group when another two rows of the average size would not fit; otherwise looks
     * again halfway to where the group would be full (summing the column buffers costs too much for
     * every row), within parquet-mr's bounds for such checks.
     */
    private void checkGroupSize() throws IOException {
        long buffered = store.getBufferedSize();
        long rowSize = Math.max(1, buffered / rowsInGroup);
        if (buffered > rowGroupSize - 2 * rowSize
                || rowsInGroup >= props.getRowGroupRowCountLimit()) {
            flushGroup();
            startGroup();
            return;
        }
        long rowsThatFit = rowGroupSize / rowSize;
        nextGroupCheck =
                Math.min(
                        Math.max(
                                rowsInGroup + props.getMinRowCountForPageSizeCheck(),
                                (rowsInGroup + rowsThatFit) / 2),
                        rowsInGroup + props.getMaxRowCountForPageSizeCheck());
    }

    private void flushGroup() throws IOException {
        try {
            if (rowsInGroup > 0) {
                file.startBlock(rowsInGroup);
                store.flush();
                pages.flushToFileWriter(file);
                file.endBlock();
            }
        } finally {
            releaseGroup();
        }
    }

    private void releaseGroup() {
        if (store != null) {
            store.close();
            pages.close();
            store = null;
            pages = null;
        }
    }

    /** Bytes written so far plus what the current row group holds in memory. */
    long dataSize() throws IOException {
        return file.getPos() + store.getBufferedSize();
    }

    /** The footer of the file, once {@link #close closed}. */
    ParquetMetadata footer() {
        return file.getFooter();
    }

    /**
     * Writes the last row group and the footer; the stream is closed. The stream and buffers are
     * released when writing fails too, and closing again (an abort after a failed finish) does
     * nothing.
     */
    void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flushGroup();
            file.end(Map.of());
        } finally {
            try {
                releaseGroup();
                file.close();
            } finally {
                compressors.release();
            }
        }
    }
}
