package io.tributary.pipelines.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.FileEnumerator;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The splits of the landing files: a compressed file is one split (a stream cannot be entered in
 * the middle); a large plain file is cut at line starts into enough pieces for every reader, so
 * that one big log is parsed by all of them.
 *
 * <p>Each piece knows the number of its first line, so lineage (file, line number) stays exact: the
 * enumerator counts the file's newlines once while it looks for the cuts, a sequential scan far
 * faster than parsing, eight bytes at a time. {@link FileSourceSplit}'s serializer keeps only its
 * own fields, so the count travels in the split's id ({@link #firstLine}).
 */
@Internal
public final class LandingSplits implements FileEnumerator {
    /** A plain file is cut only into pieces at least this large: below it, a piece is all start. */
    static final long MIN_PIECE = 16L << 20;

    /** Nor into pieces larger than this, so that readers finish together. */
    static final long MAX_PIECE = 128L << 20;

    private static final String FIRST_LINE = "@line:";

    private static final VarHandle WORDS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * The splits enumerated last: Flink enumerates twice per job (to choose the source's
     * parallelism, then for its enumerator), and for a large plain file each time reads it whole.
     */
    private static volatile Enumerated lastEnumerated;

    private final long minPiece;

    LandingSplits(long minPiece) {
        this.minPiece = minPiece;
    }

    /** The enumerator of the landing source. */
    public static Provider provider() {
        return () -> new LandingSplits(MIN_PIECE);
    }

    @Override
    public Collection<FileSourceSplit> enumerateSplits(Path[] paths, int minDesiredSplits)
            throws IOException {
        List<FileStatus> files = new ArrayList<>();
        List<Object> key = new ArrayList<>(List.of(minPiece, minDesiredSplits));
        long plainBytes = 0;
        for (Path path : paths) {
            FileStatus status = path.getFileSystem().getFileStatus(path);
            files.add(status);
            key.addAll(List.of(path, status.getLen(), status.getModificationTime()));
            if (!LandingFiles.compressed(path)) {
                plainBytes += status.getLen();
            }
        }
        Enumerated last = lastEnumerated;
        if (last != null && last.key.equals(key)) {
            return new ArrayList<>(last.splits);
        }
        long piece =
                Math.min(MAX_PIECE, Math.max(minPiece, plainBytes / Math.max(1, minDesiredSplits)));
        List<FileSourceSplit> splits = new ArrayList<>();
        for (FileStatus file : files) {
            Path path = file.getPath();
            if (LandingFiles.compressed(path) || file.getLen() < 2 * piece) {
                splits.add(split(splits.size(), file, 0, file.getLen(), 0));
            } else {
                cut(file, piece, splits);
            }
        }
        lastEnumerated = new Enumerated(key, List.copyOf(splits));
        return splits;
    }

    /** Cuts a plain file into pieces of about {@code piece} bytes, each starting a line. */
    private static void cut(FileStatus file, long piece, List<FileSourceSplit> splits)
            throws IOException {
        FileSystem fs = file.getPath().getFileSystem();
        byte[] buffer = new byte[1 << 20];
        long start = 0;
        long linesBefore = 0;
        long newlines = 0;
        long position = 0;
        // A newline at this offset or after it ends the current piece.
        long cutFrom = piece - 1;
        try (InputStream in = fs.open(file.getPath())) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                int i = 0;
                while (i < n) {
                    if (position + i < cutFrom) {
                        int until = (int) Math.min(n, cutFrom - position);
                        newlines += newlines(buffer, i, until);
                        i = until;
                        continue;
                    }
                    if (buffer[i++] != '\n') {
                        continue;
                    }
                    newlines++;
                    long lineStart = position + i;
                    if (lineStart < file.getLen()) {
                        splits.add(
                                split(splits.size(), file, start, lineStart - start, linesBefore));
                        start = lineStart;
                        linesBefore = newlines;
                        cutFrom = start + piece - 1;
                    }
                }
                position += n;
            }
        }
        splits.add(split(splits.size(), file, start, file.getLen() - start, linesBefore));
    }

    /**
     * The {@code \n} bytes in {@code bytes[from, to)}, eight at a time: a word's bytes XOR '\n' are
     * zero where a newline was, and {@code ((x & 0x7f..) + 0x7f..) | x} has its high bit clear in
     * exactly those bytes (no carry crosses a byte).
     */
    static long newlines(byte[] bytes, int from, int to) {
        long count = 0;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) WORDS.get(bytes, i) ^ 0x0a0a0a0a0a0a0a0aL;
            long t = ((x & 0x7f7f7f7f7f7f7f7fL) + 0x7f7f7f7f7f7f7f7fL) | x;
            count += Long.bitCount(~t & 0x8080808080808080L);
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    private static FileSourceSplit split(
            int id, FileStatus file, long offset, long length, long linesBefore) {
        return new FileSourceSplit(
                id + FIRST_LINE + (linesBefore + 1),
                file.getPath(),
                offset,
                length,
                file.getModificationTime(),
                file.getLen());
    }

    private static final class Enumerated {
        final List<Object> key;
        final List<FileSourceSplit> splits;

        Enumerated(List<Object> key, List<FileSourceSplit> splits) {
            this.key = key;
            this.splits = splits;
        }
    }

    /** The number of the split's first line in its file (1 for a split of a whole file). */
    static long firstLine(FileSourceSplit split) {
        String id = split.splitId();
        int at = id.indexOf(FIRST_LINE);
        return at < 0 ? 1 : Long.parseLong(id.substring(at + FIRST_LINE.length()));
    }
}
