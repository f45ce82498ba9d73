package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.defaults.engine.hadoopio.HadoopInputFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernel hands Parquet the configuration of a {@link HadoopInputFile} and builds (and parses) a new
 * one for any other input file: the files it reads through Flink are such a file, each with its own
 * copy of a configuration parsed once.
 */
class FlinkInputFileTest {
    @TempDir Path dir;

    @Test
    void filesReadThroughFlinkCarryACopyOfAConfigurationParsedOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("part-0.parquet"), "PAR1 bytes");
        InputFile input = new FlinkFileIO(Map.of()).newInputFile(file.toUri().toString(), -1);

        assertThat(input).isInstanceOf(HadoopInputFile.class);
        Configuration first = ((HadoopInputFile) input).configuration();
        Configuration second = ((HadoopInputFile) input).configuration();
        assertThat(first).isNotSameAs(second);
        assertThat(first.get("fs.defaultFS")).as("Hadoop's defaults are loaded").isNotNull();
        first.set("parquet.read.example", "set by one reader");
        assertThat(second.get("parquet.read.example")).as("a copy per reader").isNull();

        assertThat(input.length()).isEqualTo(Files.size(file));
        assertThat(input.path()).endsWith(file.toString());
        try (SeekableInputStream in = input.newStream()) {
            in.seek(5);
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("bytes");
        }
    }

    @Test
    void theConfigurationNeverKeepsAJobsClassLoader() throws Exception {
        Path file = Files.writeString(dir.resolve("part-1.parquet"), "PAR1");
        // A task thread's context class loader is its job's, closed when the job ends.
        java.net.URLClassLoader job =
                new java.net.URLClassLoader(new java.net.URL[0], getClass().getClassLoader());
        Configuration[] seen = new Configuration[1];
        Thread task =
                new Thread(
                        () ->
                                seen[0] =
                                        ((HadoopInputFile)
                                                        new FlinkFileIO(Map.of())
                                                                .newInputFile(
                                                                        file.toUri().toString(),
                                                                        -1))
                                                .configuration());
        task.setContextClassLoader(job);
        task.start();
        task.join();
        job.close();
        assertThat(seen[0].getClassLoader()).isSameAs(FlinkInputFile.class.getClassLoader());
    }
}
