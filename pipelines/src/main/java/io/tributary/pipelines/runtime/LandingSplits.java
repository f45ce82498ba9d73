package io.tributary.pipelines.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.compression.StandardDeCompressors;
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
 * faster than parsing. {@link FileSourceSplit}'s serializer keeps only its own fields, so the count
 * travels in the split's id ({@link #firstLine}).
 */
@Internal
public final class LandingSplits implements FileEnumerator {
    /** A plain file is cut only into pieces at least this large: below it, a piece is all start. */
    static final long MIN_PIECE = 16L << 20;

    /** Nor into pieces larger than this, so that readers finish together. */
    static final long MAX_PIECE = 128L << 20;

    private static final String FIRST_LINE = "@line:";

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
        long plainBytes = 0;
        for (Path path : paths) {
            FileStatus status = path.getFileSystem().getFileStatus(path);
            files.add(status);
            if (!compressed(path)) {
                plainBytes += status.getLen();
            }
        }
        long piece =
                Math.min(MAX_PIECE, Math.max(minPiece, plainBytes / Math.max(1, minDesiredSplits)));
        List<FileSourceSplit> splits = new ArrayList<>();
        for (FileStatus file : files) {
            Path path = file.getPath();
            if (compressed(path) || file.getLen() < 2 * piece) {
                splits.add(split(splits.size(), file, 0, file.getLen(), 0));
            } else {
                cut(file, piece, splits);
            }
        }
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
        long nextCut = piece;
        try (InputStream in = fs.open(file.getPath())) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    newlines++;
                    long lineStart = position + i + 1;
                    if (lineStart >= nextCut && lineStart < file.getLen()) {
                        splits.add(
                                split(splits.size(), file, start, lineStart - start, linesBefore));
                        start = lineStart;
                        linesBefore = newlines;
                        nextCut = start + piece;
                    }
                }
                position += n;
            }
        }
        splits.add(split(splits.size(), file, start, file.getLen() - start, linesBefore));
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

    private static boolean compressed(Path path) {
        return StandardDeCompressors.getDecompressorForFileName(path.getPath()) != null;
    }

    /** The number of the split's first line in its file (1 for a split of a whole file). */
    static long firstLine(FileSourceSplit split) {
        String id = split.splitId();
        int at = id.indexOf(FIRST_LINE);
        return at < 0 ? 1 : Long.parseLong(id.substring(at + FIRST_LINE.length()));
    }
}
