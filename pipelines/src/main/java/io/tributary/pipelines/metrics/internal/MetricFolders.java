package io.tributary.pipelines.metrics.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.core.fs.Path;

/**
 * Which metric each landing file holds: the first folder below {@code <landing>/metrics/} names it
 * ({@code cpuUsage/2026-01-05.json}); a file directly in that folder has none ({@code ""}, which
 * {@link ReadResponseFiles} rejects).
 */
@Internal
public final class MetricFolders {
    private MetricFolders() {}

    /**
     * (metric, file) for each of {@code files}, which were listed under {@code root}. The root is
     * compared qualified, as its file system lists it: {@code ./tributary-data/landing/metrics}
     * lists as {@code file:/home/…/tributary-data/landing/metrics/…}.
     */
    public static List<Tuple2<String, String>> of(Path root, List<Path> files) {
        String rootPath = qualified(root).toUri().getPath();
        String prefix = rootPath.endsWith("/") ? rootPath : rootPath + "/";
        List<Tuple2<String, String>> inputs = new ArrayList<>();
        for (Path file : files) {
            String path = qualified(file).toUri().getPath();
            if (!path.startsWith(prefix)) {
                throw new IllegalArgumentException(file + " is not under " + root);
            }
            String relative = path.substring(prefix.length());
            int slash = relative.indexOf('/');
            inputs.add(Tuple2.of(slash < 0 ? "" : relative.substring(0, slash), file.toString()));
        }
        return inputs;
    }

    private static Path qualified(Path path) {
        try {
            return path.makeQualified(path.getFileSystem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
