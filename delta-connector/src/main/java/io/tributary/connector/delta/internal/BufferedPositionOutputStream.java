package io.tributary.connector.delta.internal;

import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * Kernel's output stream over a Flink one, with a buffer in between. Flink's local file system
 * hands every {@code write} straight to the operating system, and Parquet's page headers arrive a
 * few bytes at a time: unbuffered, a backfill spent more time in system calls than in Java.
 */
@Internal
final class BufferedPositionOutputStream extends PositionOutputStream {
    static final int BUFFER_SIZE = 64 * 1024;

    private final FSDataOutputStream out;
    private final AfterClose afterClose;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int buffered;
    private long flushedPos;

    /** What a stream does once its bytes are all written and closed: put them in place. */
    @FunctionalInterface
    interface AfterClose {
        void run() throws IOException;
    }

    BufferedPositionOutputStream(FSDataOutputStream out) throws IOException {
        this(out, () -> {});
    }

    BufferedPositionOutputStream(FSDataOutputStream out, AfterClose afterClose) throws IOException {
        this.out = out;
        this.afterClose = afterClose;
        this.flushedPos = out.getPos();
    }

    @Override
    public long getPos() {
        return flushedPos + buffered;
    }

    @Override
    public void write(int b) throws IOException {
        if (buffered == buffer.length) {
            drain();
        }
        buffer[buffered++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > buffer.length - buffered) {
            drain();
            if (len >= buffer.length) {
                out.write(b, off, len);
                flushedPos += len;
                return;
            }
        }
        System.arraycopy(b, off, buffer, buffered, len);
        buffered += len;
    }

    private void drain() throws IOException {
        if (buffered > 0) {
            out.write(buffer, 0, buffered);
            flushedPos += buffered;
            buffered = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
        afterClose.run();
    }
}
