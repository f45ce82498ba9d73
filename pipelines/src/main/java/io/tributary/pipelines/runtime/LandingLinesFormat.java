package io.tributary.pipelines.runtime;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.io.compression.InflaterInputStreamFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.compression.StandardDeCompressors;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;

/**
 * Reads landing files line by line, keeping each line's origin: {@link LineRows} with origin {@code
 * landing}. Files ending in {@code .gz}, {@code .bz2}, {@code .xz} or {@code .deflate} are
 * decompressed. A large plain file is read in pieces that start at line starts and know their first
 * line's number ({@link LandingSplits}), so line numbers are exact; invalid UTF-8 is replaced,
 * never fatal. Nothing in a file stops a backfill: a line over {@value #MAX_LINE_BYTES} bytes comes
 * cut, with the reason, and a file that breaks off (a truncated {@code .gz}) ends with a row that
 * says where, both for the rejects table.
 */
@Internal
public final class LandingLinesFormat implements BulkFormat<RowData, FileSourceSplit> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 1024;

    /**
     * Longer lines are cut to this and rejected: no access log line comes near it, binary data
     * does.
     */
    static final int MAX_LINE_BYTES = 1 << 20;

    @Override
    public Reader<RowData> createReader(Configuration config, FileSourceSplit split)
            throws IOException {
        return new LineReader(split, 0);
    }

    @Override
    public Reader<RowData> restoreReader(Configuration config, FileSourceSplit split)
            throws IOException {
        long skip =
                split.getReaderPosition()
                        .map(CheckpointedPosition::getRecordsAfterOffset)
                        .orElse(0L);
        return new LineReader(split, skip);
    }

    /** Plain files are read in pieces ({@link LandingSplits}), compressed ones whole. */
    @Override
    public boolean isSplittable() {
        return true;
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return InternalTypeInfo.of(LineRows.ROW_TYPE);
    }

    private static final class LineReader implements Reader<RowData> {
        private static final StringData ORIGIN = StringData.fromString(LiveTables.LANDING_ORIGIN);

        private final BoundedLineReader reader;
        private final StringData file;
        private long lineNumber;
        private boolean ended;

        LineReader(FileSourceSplit split, long skip) throws IOException {
            Path path = split.path();
            this.file = StringData.fromString(path.toString());
            // Buffered below the decompressor too: GZIP's inflater reads its input 512 bytes at a
            // time.
            FSDataInputStream opened = path.getFileSystem().open(path);
            if (split.offset() > 0) {
                opened.seek(split.offset());
            }
            // A piece of a plain file ends where the next begins, at a line start.
            InputStream raw =
                    new BufferedInputStream(
                            new BoundedInputStream(opened, split.length()), 1 << 16);
            this.lineNumber = LandingSplits.firstLine(split) - 1;
            InflaterInputStreamFactory<?> inflater =
                    StandardDeCompressors.getDecompressorForFileName(path.getPath());
            InputStream in = inflater == null ? raw : inflater.create(raw);
            this.reader = new BoundedLineReader(in, MAX_LINE_BYTES);
            try {
                for (long i = 0; i < skip && reader.readLine() != null; i++) {
                    lineNumber++;
                }
            } catch (IOException e) {
                ended = true; // the restored reader had reported this file's damage before the
                // checkpoint
            }
        }

        @Override
        public RecordIterator<RowData> readBatch() throws IOException {
            if (ended) {
                return null;
            }
            RowData[] rows = new RowData[BATCH];
            int n = 0;
            long before = lineNumber;
            try {
                StringData line;
                while (n < BATCH && (line = reader.readLine()) != null) {
                    lineNumber++;
                    rows[n++] = LineRows.of(line, file, lineNumber, ORIGIN, tooLong());
                }
            } catch (IOException e) {
                // A truncated .gz (an upload still in flight) or a corrupt file: the lines read so
                // far
                // stand, and one rejects row says where the file broke; the backfill goes on.
                ended = true;
                lineNumber++;
                rows[n++] =
                        LineRows.of(
                                StringData.fromString(""),
                                file,
                                lineNumber,
                                ORIGIN,
                                "the file cannot be read past line " + (lineNumber - 1) + ": " + e);
            }
            if (n == 0) {
                return null;
            }
            ArrayResultIterator<RowData> batch = new ArrayResultIterator<>();
            batch.set(rows, n, CheckpointedPosition.NO_OFFSET, before);
            return batch;
        }

        private String tooLong() {
            long length = reader.lastLineLength();
            return length <= MAX_LINE_BYTES
                    ? null
                    : "a line of "
                            + length
                            + " bytes, over the limit of "
                            + MAX_LINE_BYTES
                            + " (binary data?); its first "
                            + MAX_LINE_BYTES
                            + " are kept";
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
