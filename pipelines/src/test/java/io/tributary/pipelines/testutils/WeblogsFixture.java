package io.tributary.pipelines.testutils;

import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.apache.flink.configuration.Configuration;

/** Generated web-log files as landing files or Kafka lines, and the gold tables to compare. */
public final class WeblogsFixture {
    private WeblogsFixture() {}

    /** Copies landing files where a batch run with {@code conf} reads them. */
    public static void land(Configuration conf, List<Path> files) throws IOException {
        Path landing =
                Files.createDirectories(
                        Path.of(conf.get(TributaryOptions.LANDING_ROOT), WeblogsPipeline.NAME));
        for (Path f : files) {
            Files.copy(f, landing.resolve(f.getFileName()));
        }
    }

    /** The lines of (possibly gzipped) log files, in order. */
    public static List<String> lines(List<Path> files) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            try (InputStream raw = Files.newInputStream(f);
                    InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                    BufferedReader reader =
                            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                lines.addAll(reader.lines().collect(Collectors.toList()));
            }
        }
        return lines;
    }

    /** Every gold table of the pipeline, sorted. */
    public static List<List<String>> gold(Lake lake) throws Exception {
        List<List<String>> tables = new ArrayList<>();
        for (String gold : WeblogsPipeline.GOLD) {
            tables.add(lake.rows("SELECT * FROM " + gold + " ORDER BY 1, 2"));
        }
        return tables;
    }
}
