package io.tributary.pipelines.runtime;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.binary.BinaryStringData;

/**
 * Lines of UTF-8 text, ended by {@code \n}, {@code \r} or {@code \r\n} as {@link
 * java.io.BufferedReader} ends them, but never longer than a limit: a file without line breaks
 * (binary data, a wrong compression) costs at most the limit in memory, whatever its size. A line
 * over the limit comes back cut, with {@link #lastLineLength()} telling how long it was.
 *
 * <p>Lines stay bytes: Flink's strings are UTF-8 bytes too, so an ASCII line (nearly every log
 * line) is copied once and never decoded into Java characters and encoded back. A line with invalid
 * UTF-8 gets U+FFFD for each malformed sequence, as a {@link java.io.Reader} would give it.
 */
@Internal
public final class BoundedLineReader implements Closeable {
    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean skipLineFeed;
    private long lastLength;

    public BoundedLineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, at most the limit's bytes of it; null at the end of the input. */
    public StringData readLine() throws IOException {
        byte[] kept = null;
        int keptLength = 0;
        long length = 0;
        while (true) {
            if (position >= limit) {
                int read = in.read(buffer, 0, buffer.length);
                position = 0;
                limit = Math.max(read, 0);
                if (read <= 0) {
                    lastLength = length;
                    return kept == null ? null : utf8(kept, 0, keptLength);
                }
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            int n = position - start;
            boolean ended = position < limit;
            if (ended) {
                skipLineFeed = buffer[position] == '\r';
                position++;
            }
            if (kept == null && ended && n <= maxBytes) {
                lastLength = n;
                return utf8(buffer, start, n); // the whole line was in the buffer
            }
            int room = (int) Math.max(0, Math.min(n, maxBytes - length));
            if (kept == null) {
                kept = new byte[Math.min(maxBytes, Math.max(room, 1 << 10))];
            } else if (keptLength + room > kept.length) {
                kept =
                        Arrays.copyOf(
                                kept,
                                Math.min(maxBytes, Math.max(keptLength + room, 2 * kept.length)));
            }
            System.arraycopy(buffer, start, kept, keptLength, room);
            keptLength += room;
            length += n;
            if (ended) {
                lastLength = length;
                return utf8(kept, 0, keptLength);
            }
        }
    }

    /** The full length of the line {@link #readLine()} returned last, in bytes. */
    public long lastLineLength() {
        return lastLength;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A copy of the bytes as valid UTF-8: ASCII as it is, anything else through a decoder. */
    private static StringData utf8(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                return BinaryStringData.fromBytes(
                        new String(bytes, offset, length, StandardCharsets.UTF_8)
                                .getBytes(StandardCharsets.UTF_8));
            }
        }
        return BinaryStringData.fromBytes(Arrays.copyOfRange(bytes, offset, offset + length));
    }
}
