package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.core.fs.Path;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingSplitsTest {
    @TempDir java.nio.file.Path dir;

    @Test
    void aLargePlainFileIsReadInPiecesWithExactLineNumbers() throws Exception {
        List<String> lines = lines(20_000);
        java.nio.file.Path file = dir.resolve("access.log");
        // No newline after the last line: the last piece ends at the file's end.
        Files.writeString(file, String.join("\n", lines));
        Collection<FileSourceSplit> splits =
                new LandingSplits(4_096).enumerateSplits(new Path[] {path(file)}, 64);

        assertThat(splits).hasSizeGreaterThan(32);
        long covered = 0;
        for (FileSourceSplit split : splits) {
            assertThat(split.offset()).as("pieces follow each other").isEqualTo(covered);
            covered += split.length();
        }
        assertThat(covered).isEqualTo(Files.size(file));
        List<String> read = new ArrayList<>();
        for (FileSourceSplit split : splits) {
            read.addAll(read(split, null));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            expected.add((i + 1) + " " + lines.get(i));
        }
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void countsNewlinesEightBytesAtATimeAsOneAtATimeWould() {
        Random random = new Random(7);
        // Bytes next to '\n' in value and with its bits in other places: near misses of the trick.
        byte[] alphabet = {'\n', 0x0b, 0x09, 0x08, 0x00, (byte) 0x8a, 0x7f, (byte) 0xff, 'a', 0x1a};
        for (int round = 0; round < 500; round++) {
            byte[] bytes = new byte[random.nextInt(100)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int to = from + random.nextInt(bytes.length - from + 1);
            long expected = 0;
            for (int i = from; i < to; i++) {
                expected += bytes[i] == '\n' ? 1 : 0;
            }
            assertThat(LandingSplits.newlines(bytes, from, to)).isEqualTo(expected);
        }
    }

    @Test
    void aRestoredPieceSkipsTheLinesReadBeforeTheCheckpoint() throws Exception {
        List<String> lines = lines(5_000);
        java.nio.file.Path file = dir.resolve("access.log");
        Files.writeString(file, String.join("\n", lines) + "\n");
        List<FileSourceSplit> splits =
                new ArrayList<>(
                        new LandingSplits(4_096).enumerateSplits(new Path[] {path(file)}, 64));
        FileSourceSplit third = splits.get(2);
        long first = LandingSplits.firstLine(third);
        assertThat(first).isGreaterThan(1);

        List<String> restored =
                read(third, new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 7));
        assertThat(restored.get(0)).isEqualTo((first + 7) + " " + lines.get((int) (first + 6)));
        assertThat(restored).hasSize(read(third, null).size() - 7);
    }

    @Test
    void compressedAndSmallFilesAreOnePieceEach() throws Exception {
        java.nio.file.Path gz = dir.resolve("access.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((String.join("\n", lines(20_000)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        java.nio.file.Path small = dir.resolve("small.log");
        Files.writeString(small, "one\ntwo\n");
        Collection<FileSourceSplit> splits =
                new LandingSplits(4_096).enumerateSplits(new Path[] {path(gz), path(small)}, 2);
        assertThat(splits).hasSize(2);
        for (FileSourceSplit split : splits) {
            assertThat(split.offset()).isZero();
            assertThat(LandingSplits.firstLine(split)).isEqualTo(1);
        }
        assertThat(read(splits.iterator().next(), null))
                .hasSize(20_000)
                .startsWith("1 line 0 " + "x".repeat(0));
    }

    private static List<String> lines(int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // lengths vary so that pieces end anywhere in a line
            lines.add("line " + i + " " + "x".repeat(i % 97));
        }
        return lines;
    }

    private static Path path(java.nio.file.Path file) {
        return Path.fromLocalFile(file.toFile());
    }

    /** "<line number> <line>" for every line of the split. */
    private static List<String> read(FileSourceSplit split, CheckpointedPosition position)
            throws Exception {
        FileSourceSplit s =
                position == null ? split : split.updateWithCheckpointedPosition(position);
        LandingLinesFormat format = new LandingLinesFormat();
        List<String> read = new ArrayList<>();
        try (BulkFormat.Reader<RowData> reader =
                position == null
                        ? format.createReader(new Configuration(), s)
                        : format.restoreReader(new Configuration(), s)) {
            for (BulkFormat.RecordIterator<RowData> batch = reader.readBatch();
                    batch != null;
                    batch = reader.readBatch()) {
                for (RecordAndPosition<RowData> r = batch.next(); r != null; r = batch.next()) {
                    read.add(r.getRecord().getLong(2) + " " + r.getRecord().getString(0));
                }
                batch.releaseBatch();
            }
        }
        return read;
    }
}
