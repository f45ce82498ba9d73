package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingFilesTest {
    @TempDir Path dir;

    private static org.apache.flink.core.fs.Path flink(Path path) {
        return new org.apache.flink.core.fs.Path(path.toUri());
    }

    @Test
    void aRunReadsAndCountsTheFilesOfTheFolderAndItsSubFoldersButNotMarkersOrUploads()
            throws Exception {
        Files.writeString(dir.resolve("b.log"), "12345");
        Files.createDirectories(dir.resolve("2026/12"));
        Files.writeString(dir.resolve("2026/12/a.log"), "123");
        Files.writeString(dir.resolve(".b.log.uploading"), "in flight, not yet landed");
        Files.writeString(dir.resolve("_SUCCESS"), "a marker");
        Files.createDirectories(dir.resolve("_temporary"));
        Files.writeString(dir.resolve("_temporary/c.log"), "a writer's own");

        assertThat(LandingFiles.list(flink(dir), "no files"))
                .extracting(p -> flink(dir).toUri().relativize(p.toUri()).toString())
                .containsExactly("2026/12/a.log", "b.log");
        assertThat(LandingFiles.bytes(flink(dir))).isEqualTo(8);
    }

    @Test
    void aCompressedFileCountsAsTheLinesItExpandsTo() throws Exception {
        Files.writeString(dir.resolve("a.log"), "12345");
        Files.write(dir.resolve("b.log.gz"), new byte[100]);
        Files.write(dir.resolve("c.log.bz2"), new byte[10]);

        assertThat(LandingFiles.bytes(flink(dir)))
                .as("plain by its size, compressed files by what they expand to")
                .isEqualTo(5 + 110 * LandingFiles.EXPANSION);
    }

    @Test
    void aMissingFolderHoldsNothingAndARunSaysWhatIsMissing() {
        Path missing = dir.resolve("missing");

        assertThat(LandingFiles.bytes(flink(missing))).isZero();
        assertThatThrownBy(() -> LandingFiles.list(flink(missing), "land some files there"))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("No landing folder");
    }
}
