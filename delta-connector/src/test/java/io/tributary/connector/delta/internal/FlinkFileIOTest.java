package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.FileNotFoundException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files Kernel creates (log checkpoints among them) appear whole or not at all; log listings start
 * where asked.
 */
class FlinkFileIOTest {
    @TempDir Path dir;

    @Test
    void aFileBeingWrittenIsNotThereUnderItsNameUntilItIsClosed() throws Exception {
        Path checkpoint =
                dir.resolve("_delta_log").resolve("00000000000000000010.checkpoint.parquet");
        FlinkFileIO io = new FlinkFileIO(Map.of());
        PositionOutputStream out = io.newOutputFile(checkpoint.toUri().toString()).create(true);
        out.write(new byte[100_000]);
        // A SIGKILL here leaves a hidden temporary file, never a truncated checkpoint Kernel would
        // pick.
        assertThat(checkpoint).doesNotExist();
        try (Stream<Path> files = Files.list(checkpoint.getParent())) {
            assertThat(files)
                    .singleElement()
                    .satisfies(
                            f ->
                                    assertThat(f.getFileName().toString())
                                            .startsWith(".")
                                            .endsWith(".tmp"));
        }
        out.close();
        assertThat(Files.size(checkpoint)).isEqualTo(100_000);
        try (Stream<Path> files = Files.list(checkpoint.getParent())) {
            assertThat(files).containsExactly(checkpoint);
        }

        PositionOutputStream racing =
                io.newOutputFile(dir.resolve("racing").toUri().toString()).create(true);
        racing.write(1);
        Files.writeString(dir.resolve("racing"), "the other writer's");
        assertThatThrownBy(racing::close)
                .as("put-if-absent to the end: the writer that finished first is kept")
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(dir.resolve("racing"))).isEqualTo("the other writer's");
        assertThatThrownBy(() -> io.newOutputFile(checkpoint.toUri().toString()).create(true))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    /** A local log is listed by name from a version on, in the form Flink's own listing gives. */
    @Test
    void aLocalListingFromAVersionMatchesFlinksListingFromThere() throws Exception {
        Path log = Files.createDirectory(dir.resolve("_delta_log"));
        for (int v = 0; v < 30; v++) {
            Files.writeString(log.resolve(String.format("%020d.json", v)), "{}".repeat(v + 1));
        }
        Files.write(log.resolve(String.format("%020d.checkpoint.parquet", 20)), new byte[7]);
        Files.writeString(log.resolve("_last_checkpoint"), "{\"version\":20}");
        Files.createDirectory(log.resolve("_staged_commits"));
        String from = log.resolve(String.format("%020d", 20)).toUri().toString();

        List<String> ours = new ArrayList<>();
        try (CloseableIterator<FileStatus> listed = new FlinkFileIO(Map.of()).listFrom(from)) {
            listed.forEachRemaining(
                    s -> ours.add(s.getPath() + " " + s.getSize() + " " + s.getModificationTime()));
        }
        List<String> flinks = new ArrayList<>();
        org.apache.flink.core.fs.Path flinkLog = new org.apache.flink.core.fs.Path(log.toUri());
        for (org.apache.flink.core.fs.FileStatus s :
                flinkLog.getFileSystem().listStatus(flinkLog)) {
            if (!s.isDir() && s.getPath().getName().compareTo(String.format("%020d", 20)) >= 0) {
                flinks.add(s.getPath() + " " + s.getLen() + " " + s.getModificationTime());
            }
        }
        Collections.sort(flinks);
        assertThat(ours).hasSize(12).isEqualTo(flinks);
        assertThat(ours.get(0))
                .startsWith("file:/")
                .contains("00000000000000000020.checkpoint.parquet 7 ");
        assertThat(ours.get(11)).contains("_last_checkpoint");

        assertThatThrownBy(
                        () ->
                                new FlinkFileIO(Map.of())
                                        .listFrom(
                                                dir.resolve("nothing/_delta_log/0")
                                                        .toUri()
                                                        .toString()))
                .as("Kernel reads this as: no table here")
                .isInstanceOf(FileNotFoundException.class);
    }
}
