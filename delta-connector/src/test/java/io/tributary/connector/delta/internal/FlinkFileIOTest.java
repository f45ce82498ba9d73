package io.tributary.connector.delta.internal;

import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files Kernel creates (log checkpoints among them) appear whole or not at all. */
class FlinkFileIOTest {
    @TempDir
    Path dir;

    @Test
    void aFileBeingWrittenIsNotThereUnderItsNameUntilItIsClosed() throws Exception {
        Path checkpoint = dir.resolve("_delta_log").resolve("00000000000000000010.checkpoint.parquet");
        FlinkFileIO io = new FlinkFileIO(Map.of());
        PositionOutputStream out = io.newOutputFile(checkpoint.toUri().toString()).create(true);
        out.write(new byte[100_000]);
        // A SIGKILL here leaves a hidden temporary file, never a truncated checkpoint Kernel would pick.
        assertThat(checkpoint).doesNotExist();
        try (Stream<Path> files = Files.list(checkpoint.getParent())) {
            assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).startsWith(".").endsWith(".tmp"));
        }
        out.close();
        assertThat(Files.size(checkpoint)).isEqualTo(100_000);
        try (Stream<Path> files = Files.list(checkpoint.getParent())) {
            assertThat(files).containsExactly(checkpoint);
        }

        PositionOutputStream racing = io.newOutputFile(dir.resolve("racing").toUri().toString()).create(true);
        racing.write(1);
        Files.writeString(dir.resolve("racing"), "the other writer's");
        assertThatThrownBy(racing::close).as("put-if-absent to the end: the writer that finished first is kept")
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(dir.resolve("racing"))).isEqualTo("the other writer's");
        assertThatThrownBy(() -> io.newOutputFile(checkpoint.toUri().toString()).create(true))
                .isInstanceOf(FileAlreadyExistsException.class);
    }
}
