package io.tributary.pipelines.runtime;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import org.apache.flink.annotation.Internal;

/**
 * Lines of text, ended by {@code \n}, {@code \r} or {@code \r\n} as {@link java.io.BufferedReader}
 * ends them, but never longer than a limit: a file without line breaks (binary data, a wrong
 * compression) costs at most the limit in memory, whatever its size. A line over the limit comes
 * back cut, with {@link #lastLineLength()} telling how long it was.
 */
@Internal
public final class BoundedLineReader implements Closeable {
    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean skipLineFeed;
    private long lastLength;

    public BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, at most the limit's characters of it; null at the end of the input. */
    public String readLine() throws IOException {
        StringBuilder kept = null;
        long length = 0;
        while (true) {
            if (position >= limit) {
                int read = in.read(buffer, 0, buffer.length);
                position = 0;
                limit = Math.max(read, 0);
                if (read <= 0) {
                    lastLength = length;
                    return kept == null ? null : kept.toString();
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
            if (kept == null && ended && n <= maxChars) {
                lastLength = n;
                return new String(buffer, start, n); // the whole line was in the buffer: no copy
            }
            if (kept == null) {
                kept = new StringBuilder();
            }
            int room = (int) Math.max(0, Math.min(n, maxChars - length));
            kept.append(buffer, start, room);
            length += n;
            if (ended) {
                lastLength = length;
                return kept.toString();
            }
        }
    }

    /** The full length of the line {@link #readLine()} returned last, in characters. */
    public long lastLineLength() {
        return lastLength;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
