package io.tributary.pipelines.testutils;

import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;

/** Generated web-log files as landing files or Kafka lines, and the gold tables to compare. */
public final class WeblogsFixture {
    private WeblogsFixture() {}

    /** Copies landing files where a batch run with {@code conf} reads them. */
    public static void land(Configuration conf, List<Path> files) throws IOException {
        Landing.land(conf, WeblogsPipeline.NAME, files);
    }

    /** The lines of (possibly gzipped) log files, in order. */
    public static List<String> lines(List<Path> files) throws IOException {
        return Landing.lines(files);
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
