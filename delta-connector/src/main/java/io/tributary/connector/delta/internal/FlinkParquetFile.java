package io.tributary.connector.delta.internal;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A data file as Parquet's reader sees it, read through Flink's file systems.
 *
 * <p>A file up to {@link #WHOLE_FILE_BYTES} is read whole, with one request, before Parquet looks
 * at it: Parquet reads a footer length, then the footer, then each column chunk, and for the small
 * files a partitioned table is made of (a day of a modest log is tens of kilobytes) those requests
 * — three or more object-store GETs, or system calls locally — cost more than the bytes. Larger
 * files are read on demand, through a buffer.
 */
@Internal
public final class FlinkParquetFile implements InputFile {
    static final long WHOLE_FILE_BYTES = 8L * 1024 * 1024;

    private final Path path;
    private final long length;
    private byte[] contents;

    private FlinkParquetFile(Path path, long length) {
        this.path = path;
        this.length = length;
    }

    /**
     * @param size the file's size from the Delta log, or a negative number to ask the file system
     */
    public static FlinkParquetFile of(String path, long size) throws IOException {
        Path p = new Path(path);
        long length = size >= 0 ? size : FlinkFileIO.fs(p).getFileStatus(p).getLen();
        return new FlinkParquetFile(p, length);
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        if (length > WHOLE_FILE_BYTES) {
            BufferedSeekableInputStream in =
                    new BufferedSeekableInputStream(
                            FlinkFileIO.fs(path).open(path), path.toString());
            return new Seekable(in) {
                @Override
                public long getPos() throws IOException {
                    return in.getPos();
                }

                @Override
                public void seek(long pos) throws IOException {
                    in.seek(pos);
                }
            };
        }
        if (contents == null) {
            contents = readWhole();
        }
        InMemory in = new InMemory(contents);
        return new Seekable(in) {
            @Override
            public long getPos() {
                return in.position();
            }

            @Override
            public void seek(long pos) {
                in.seek(pos);
            }
        };
    }

    private byte[] readWhole() throws IOException {
        byte[] bytes = new byte[(int) length];
        try (FSDataInputStream in = FlinkFileIO.fs(path).open(path)) {
            int read = 0;
            while (read < bytes.length) {
                int n = in.read(bytes, read, bytes.length - read);
                if (n < 0) {
                    throw new EOFException(
                            path
                                    + " ended after "
                                    + read
                                    + " of the "
                                    + length
                                    + " bytes expected");
                }
                read += n;
            }
        }
        return bytes;
    }

    @Override
    public String toString() {
        return path.toString();
    }

    private abstract static class Seekable extends DelegatingSeekableInputStream {
        Seekable(InputStream in) {
            super(in);
        }
    }

    private static final class InMemory extends ByteArrayInputStream {
        InMemory(byte[] bytes) {
            super(bytes);
        }

        long position() {
            return pos;
        }

        void seek(long position) {
            pos = (int) Math.min(position, count);
        }
    }
}
