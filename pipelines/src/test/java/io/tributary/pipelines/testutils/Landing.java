package io.tributary.pipelines.testutils;

import io.tributary.pipelines.runtime.TributaryOptions;
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

/** Generated files as a pipeline's landing files, or as the lines a stream would carry. */
public final class Landing {
    private Landing() {}

    /**
     * A run's settings with its landing files in {@code dir/landing} and its lake in {@code
     * dir/lake}.
     */
    public static Configuration under(Path dir) {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
        conf.set(TributaryOptions.LANDING_ROOT, dir.resolve("landing").toString());
        return conf;
    }

    /** Copies files where a batch run of {@code pipeline} with {@code conf} reads them. */
    public static void land(Configuration conf, String pipeline, List<Path> files)
            throws IOException {
        Path landing =
                Files.createDirectories(Path.of(conf.get(TributaryOptions.LANDING_ROOT), pipeline));
        for (Path f : files) {
            Files.copy(f, landing.resolve(f.getFileName()));
        }
    }

    /** The lines of (possibly gzipped) files, in order. */
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
}
