package io.tributary.pipelines.testutils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.util.FileUtils;

/**
 * What a kill between two tables' commits leaves behind: some of a job's tables a run behind the
 * others. Copies the tables aside now; {@link #fallBack()} puts those copies back after a later
 * run.
 */
public final class LaggingTables {
    private final Path lake;
    private final Path aside;
    private final List<String> tables;

    private LaggingTables(Path lake, Path aside, List<String> tables) {
        this.lake = lake;
        this.aside = aside;
        this.tables = tables;
    }

    /**
     * @param tables folders under the lake root, e.g. {@code silver/shop_orders}
     */
    public static LaggingTables setAside(Path lake, Path aside, List<String> tables)
            throws IOException {
        for (String table : tables) {
            copy(lake.resolve(table), aside.resolve(table));
        }
        return new LaggingTables(lake, aside, tables);
    }

    /** The tables back as they were when set aside; the others keep what later runs wrote. */
    public void fallBack() throws IOException {
        for (String table : tables) {
            FileUtils.deleteDirectory(lake.resolve(table).toFile());
            copy(aside.resolve(table), lake.resolve(table));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.collect(Collectors.toList());
        }
        for (Path p : paths) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
