package io.tributary.pipelines.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.runtime.LandingFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.core.fs.Path;
import org.apache.flink.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricFoldersTest {
    /** Relative to the working directory, as {@code conf/local.yaml}'s landing root is. */
    private java.nio.file.Path relative;

    @BeforeEach
    void landMetricFiles() throws IOException {
        java.nio.file.Path target = java.nio.file.Path.of("target");
        Files.createDirectories(target);
        relative = Files.createTempDirectory(target, "metric-folders");
        java.nio.file.Path metrics = relative.resolve("landing/metrics");
        for (String file :
                List.of(
                        "cpuUsage/2026-01-05.json",
                        "cpuUsage/2026-01-06.json.gz",
                        "memoryAvailable/a/b.json",
                        "stray.json")) {
            java.nio.file.Path p = metrics.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "{}");
        }
        assertThat(relative.isAbsolute()).isFalse();
    }

    @AfterEach
    void remove() throws IOException {
        FileUtils.deleteDirectory(relative.toFile());
    }

    @Test
    void aRelativeLandingRootNamesEachFilesMetricByItsFolder() {
        assertThat(metricsUnder(relative + "/landing/metrics")).containsExactly(expected());
        assertThat(metricsUnder("./" + relative + "/landing/metrics/")).containsExactly(expected());
    }

    @Test
    void anAbsoluteOrQualifiedRootNamesTheSameMetrics() {
        String absolute = relative.toAbsolutePath() + "/landing/metrics";
        assertThat(metricsUnder(absolute)).containsExactly(expected());
        assertThat(metricsUnder("file://" + absolute)).containsExactly(expected());
    }

    private static String[] expected() {
        return new String[] {
            "cpuUsage 2026-01-05.json",
            "cpuUsage 2026-01-06.json.gz",
            "memoryAvailable b.json",
            " stray.json"
        };
    }

    private static List<String> metricsUnder(String root) {
        Path folder = new Path(root);
        List<Tuple2<String, String>> inputs =
                MetricFolders.of(folder, LandingFiles.list(folder, "no files"));
        return inputs.stream()
                .map(i -> i.f0 + " " + new Path(i.f1).getName())
                .collect(Collectors.toList());
    }
}
