package io.tributary.pipelines.testutils;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data of {@code ../shared/datasets}, seen from a module folder. JDK and JUnit only: the
 * Spark module's tests use it without Flink on their class path.
 */
public final class SharedDatasets {
    private SharedDatasets() {}

    /**
     * The real 2015 access-log sample (10,000 combined-format lines); the test is skipped where it
     * is not present.
     */
    public static Path weblogSample() {
        Path sample =
                Path.of("..", "..", "shared", "datasets", "weblogs", "apache_combined_2015.log")
                        .toAbsolutePath()
                        .normalize();
        assumeTrue(Files.exists(sample), "shared web-log sample not present: " + sample);
        return sample;
    }
}
