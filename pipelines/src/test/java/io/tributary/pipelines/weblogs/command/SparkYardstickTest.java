package io.tributary.pipelines.weblogs.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkYardstickTest {
    @TempDir Path dir;

    @Test
    void anUnbuiltSparkModuleIsNamedWithTheCommandThatBuildsIt() {
        assertThat(new SparkYardstick(dir).missing())
                .hasValueSatisfying(
                        why ->
                                assertThat(why)
                                        .contains("spark-classpath.txt")
                                        .contains("mvn -B -DskipTests package -pl compat-spark"));
    }

    @Test
    void aSparkRunThatPrintsNoTimeFailsNamingItsLog() throws Exception {
        Path module = dir.resolve("compat-spark");
        Files.createDirectories(module.resolve("target/test-classes"));
        Files.writeString(module.resolve("target/spark-classpath.txt"), "");
        Files.writeString(module.resolve("target/spark-bench.options"), "-Xmx64m");
        SparkYardstick spark = new SparkYardstick(module);
        assertThat(spark.missing()).isEmpty();

        // The class is not on this class path: the JVM exits with an error and no time.
        assertThatThrownBy(() -> spark.seconds(dir, dir, dir.resolve("scratch")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no time")
                .hasMessageContaining("spark.log");
        assertThat(Files.readString(dir.resolve("scratch/spark.log")))
                .contains("SparkWeblogsBackfill");
    }
}
