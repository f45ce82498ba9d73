package io.tributary.connector.delta.internal;

import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.defaults.engine.hadoopio.HadoopInputFile;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.hadoop.conf.Configuration;

/**
 * The last bytes written to a Parquet file, kept as they pass. Kernel reads a data file's
 * statistics from its footer, which is at the end of the file: read from here, a file just written
 * is not opened and read again, once for each of the hundreds of files a backfill of many days
 * writes. A footer larger than what is kept is read from the file.
 */
@Internal
final class WrittenFileTail {
    static final int CAPACITY = 64 * 1024;

    /** Parquet's footer ends with its length (4 bytes, little-endian) and this magic. */
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] ring = new byte[CAPACITY];
    private long written;

    void add(int b) {
        ring[(int) (written % CAPACITY)] = (byte) b;
        written++;
    }

    void add(byte[] b, int off, int len) {
        if (len > CAPACITY) {
            written += len - CAPACITY;
            off += len - CAPACITY;
            len = CAPACITY;
        }
        int start = (int) (written % CAPACITY);
        int first = Math.min(len, CAPACITY - start);
        System.arraycopy(b, off, ring, start, first);
        System.arraycopy(b, off + first, ring, 0, len - first);
        written += len;
    }

    /**
     * The file at {@code path} as Kernel reads it, served from the kept bytes when they hold the
     * whole footer; empty when they do not (then read the file).
     */
    Optional<InputFile> footerFile(String path) {
        byte[] tail = kept();
        int n = tail.length;
        if (n < 8 || !Arrays.equals(tail, n - 4, n, MAGIC, 0, 4)) {
            return Optional.empty();
        }
        long footerLength =
                (tail[n - 8] & 0xffL)
                        | (tail[n - 7] & 0xffL) << 8
                        | (tail[n - 6] & 0xffL) << 16
                        | (tail[n - 5] & 0xffL) << 24;
        if (footerLength + 8 > n) {
            return Optional.empty();
        }
        return Optional.of(new TailFile(path, written, tail));
    }

    /** The kept bytes in file order: the last {@code min(written, CAPACITY)} bytes. */
    private byte[] kept() {
        int n = (int) Math.min(written, CAPACITY);
        byte[] tail = new byte[n];
        int end = (int) (written % CAPACITY);
        int older = n - end;
        if (older > 0) {
            System.arraycopy(ring, CAPACITY - older, tail, 0, older);
        }
        System.arraycopy(ring, 0, tail, Math.max(older, 0), Math.min(end, n));
        return tail;
    }

    /**
     * A Hadoop input file only so that Kernel takes its configuration rather than parsing Hadoop's
     * defaults again; the footer reader only reads it, so one parsed configuration is shared.
     */
    private static final class TailFile extends HadoopInputFile {
        private final String path;
        private final long length;
        private final byte[] tail;

        TailFile(String path, long length, byte[] tail) {
            super(null, null, length);
            this.path = path;
            this.length = length;
            this.tail = tail;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public Configuration configuration() {
            return FlinkInputFile.parsedConfiguration();
        }

        @Override
        public SeekableInputStream newStream() {
            return new TailStream(path, length - tail.length, tail);
        }
    }

    private static final class TailStream extends SeekableInputStream {
        private final String path;
        private final long start;
        private final byte[] bytes;
        private int next;

        TailStream(String path, long start, byte[] bytes) {
            this.path = path;
            this.start = start;
            this.bytes = bytes;
            this.next = bytes.length;
        }

        @Override
        public long getPos() {
            return start + next;
        }

        @Override
        public void seek(long pos) throws IOException {
            if (pos < start || pos > start + bytes.length) {
                throw new IOException(
                        "Position " + pos + " of " + path + " is before its last bytes, kept");
            }
            next = (int) (pos - start);
        }

        @Override
        public int read() {
            return next < bytes.length ? bytes[next++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (next == bytes.length) {
                return -1;
            }
            int n = Math.min(len, bytes.length - next);
            System.arraycopy(bytes, next, b, off, n);
            next += n;
            return n;
        }

        @Override
        public void readFully(byte[] b, int off, int len) throws IOException {
            if (len > bytes.length - next) {
                throw new EOFException("Reached the end of " + path);
            }
            read(b, off, len);
        }
    }
}
