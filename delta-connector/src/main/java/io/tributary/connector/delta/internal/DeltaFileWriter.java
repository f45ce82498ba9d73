package io.tributary.connector.delta.internal;

import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.internal.parquet.ParquetStatsReader;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.table.data.RowData;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * One Parquet data file being written: rows go in one at a time, and {@link #finish} closes the
 * file and describes it for the Delta log, with the statistics Delta Kernel reads from its footer
 * (so they are exactly what Kernel's own writer would have recorded).
 */
@Internal
final class DeltaFileWriter {
    /** Significant digits that survive a trip through a double. */
    private static final int MAX_EXACT_DECIMAL_DIGITS = 15;

    private final String path;
    private final LearnedDictionaries dictionaries;
    private final ParquetProperties properties;
    private final ParquetRowWriter writer;
    private final CountingOutputFile file;
    private static final long MAX_ROWS_UNSEEN = 128;
    private long rows;
    private long nextSizeCheck = 1;

    /**
     * @param compressor Snappy's, shared with the other files of the same writer
     */
    DeltaFileWriter(
            String path,
            RowColumns columns,
            LearnedDictionaries dictionaries,
            SharedCompressor compressor,
            long rowGroupSize)
            throws IOException {
        this.path = path;
        this.dictionaries = dictionaries;
        this.properties = dictionaries.nextFile();
        this.file = new CountingOutputFile(new Path(path));
        this.writer = new ParquetRowWriter(file, columns, properties, compressor, rowGroupSize);
    }

    /** The compressor of the data files a writer makes: Snappy, as Delta's own writers use. */
    static SharedCompressor compressor() {
        return new SharedCompressor(CompressionCodecName.SNAPPY);
    }

    void write(RowData row) throws IOException {
        writer.write(row);
        rows++;
    }

    long rows() {
        return rows;
    }

    /**
     * Whether the file holds {@code targetSize} bytes, written or buffered for its row group.
     * Asking Parquet sums every column's buffers, so the size is looked at again only after about
     * half the rows the last look said would still fit (at most every {@value #MAX_ROWS_UNSEEN}
     * rows): a file overshoots its target by a few rows at most.
     */
    boolean reached(long targetSize) throws IOException {
        if (rows < nextSizeCheck) {
            return false;
        }
        long size = dataSize();
        if (size >= targetSize) {
            return true;
        }
        long rowsThatFit = (targetSize - size) / Math.max(1, size / rows);
        nextSizeCheck = rows + Math.max(1, Math.min(MAX_ROWS_UNSEEN, rowsThatFit / 2));
        return false;
    }

    /** Bytes written so far plus what is buffered for the current row group. */
    long dataSize() throws IOException {
        return writer.dataSize();
    }

    DataFileStatus finish(FileIO fileIO, StructType physicalSchema, List<Column> statsColumns)
            throws IOException {
        writer.close();
        dictionaries.learn(writer.footer(), properties);
        long size = file.bytesWritten();
        DataFileStatistics stats =
                ParquetStatsReader.readDataFileStatistics(
                        file.tail.footerFile(path).orElseGet(() -> fileIO.newInputFile(path, size)),
                        physicalSchema,
                        statsColumns);
        return new DataFileStatus(
                path,
                size,
                System.currentTimeMillis(),
                Optional.ofNullable(stats).map(s -> withoutLossyBounds(s, physicalSchema)));
    }

    /**
     * Drops min/max of decimals wider than a double's exact digits: Kernel parses statistics JSON
     * through doubles, so such a bound would come back rounded and could exclude the file's own
     * extreme value from data skipping. Null counts stay.
     */
    static DataFileStatistics withoutLossyBounds(DataFileStatistics stats, StructType schema) {
        Map<Column, Literal> min = new HashMap<>(stats.getMinValues());
        Map<Column, Literal> max = new HashMap<>(stats.getMaxValues());
        for (StructField field : schema.fields()) {
            if (field.getDataType() instanceof DecimalType
                    && ((DecimalType) field.getDataType()).getPrecision()
                            > MAX_EXACT_DECIMAL_DIGITS) {
                min.remove(new Column(field.getName()));
                max.remove(new Column(field.getName()));
            }
        }
        return new DataFileStatistics(
                stats.getNumRecords(), min, max, stats.getNullCount(), stats.getTightBounds());
    }

    /** Closes and deletes a file that will never be committed. */
    void abort() {
        try {
            writer.close();
        } catch (IOException | RuntimeException ignored) {
            // The file is deleted next; nothing of it is used.
        }
        delete(path);
    }

    /** Deletes a data file that is not in the log, if it can. */
    static void delete(String path) {
        try {
            Path p = new Path(path);
            p.getFileSystem().delete(p, false);
        } catch (IOException ignored) {
            // An orphan data file is harmless: it is not in the log, and vacuum removes it.
        }
    }

    /**
     * Parquet's view of a new file on a Flink file system, remembering how many bytes it got and
     * the last of them.
     */
    private static final class CountingOutputFile implements OutputFile {
        private final Path path;
        private final WrittenFileTail tail = new WrittenFileTail();
        private BufferedPositionOutputStream stream;

        CountingOutputFile(Path path) {
            this.path = path;
        }

        long bytesWritten() {
            return stream == null ? 0 : stream.getPos();
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) throws IOException {
            return open(FileSystem.WriteMode.NO_OVERWRITE);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
            return open(FileSystem.WriteMode.OVERWRITE);
        }

        private PositionOutputStream open(FileSystem.WriteMode mode) throws IOException {
            stream = new BufferedPositionOutputStream(path.getFileSystem().create(path, mode));
            BufferedPositionOutputStream out = stream;
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return out.getPos();
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    tail.add(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    tail.add(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return path.toString();
        }
    }
}
