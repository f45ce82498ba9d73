package io.tributary.connector.delta.internal;

import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import java.io.EOFException;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Kernel's seekable input over a Flink stream, with a read buffer: Flink's local file system reads
 * straight from the operating system, and Kernel's JSON log reader and Parquet's footer parser ask
 * for a few bytes at a time. Large reads bypass the buffer; a seek inside the buffered range keeps
 * it.
 */
@Internal
final class BufferedSeekableInputStream extends SeekableInputStream {
    static final int BUFFER_SIZE = 64 * 1024;

    private final FSDataInputStream in;
    private final String path;
    private final byte[] buffer = new byte[BUFFER_SIZE];

    /** File position of {@code buffer[0]}. */
    private long bufferStart;

    private int limit;
    private int next;

    BufferedSeekableInputStream(FSDataInputStream in, String path) throws IOException {
        this.in = in;
        this.path = path;
        this.bufferStart = in.getPos();
    }

    @Override
    public long getPos() {
        return bufferStart + next;
    }

    @Override
    public void seek(long pos) throws IOException {
        if (pos >= bufferStart && pos <= bufferStart + limit) {
            next = (int) (pos - bufferStart);
            return;
        }
        in.seek(pos);
        bufferStart = pos;
        limit = 0;
        next = 0;
    }

    @Override
    public int read() throws IOException {
        if (next == limit && !fill()) {
            return -1;
        }
        return buffer[next++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int available = limit - next;
        if (available > 0) {
            int n = Math.min(available, len);
            System.arraycopy(buffer, next, b, off, n);
            next += n;
            return n;
        }
        if (len >= buffer.length) {
            // Past the buffer: read straight into the caller's array and leave the buffer empty
            // there.
            long pos = getPos();
            int n = in.read(b, off, len);
            if (n > 0) {
                bufferStart = pos + n;
                limit = 0;
                next = 0;
            }
            return n;
        }
        if (!fill()) {
            return -1;
        }
        return read(b, off, len);
    }

    /** Refills the buffer from the current position; false at end of file. */
    private boolean fill() throws IOException {
        bufferStart += limit;
        limit = 0;
        next = 0;
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = read(b, off + done, len - done);
            if (n < 0) {
                throw new EOFException(
                        "Reached the end of " + path + " after " + done + " of " + len + " bytes");
            }
            done += n;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
