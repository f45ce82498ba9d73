package io.tributary.pipelines.cli;

import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.LakeCatalog;
import io.tributary.pipelines.runtime.RetainedCheckpoints;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.Path;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The demo starts from an empty lake, so a second demo shows what the first did: its streamed rows
 * and Kafka offsets belong to a broker that no longer exists. It only ever removes its own tables,
 * and refuses a lake that holds anything else.
 */
final class DemoLake {
    private static final List<String> DEMO_TABLE_PREFIXES = List.of("weblogs_", "cdc_", "shop_orders", "sre_");
    private static final List<String> DEMO_JOBS = List.of("weblogs", "cdc");

    private DemoLake() {}

    static void startOver(Configuration conf, PrintStream out) throws IOException {
        List<LakeCatalog.Found> tables = LakeCatalog.discover(conf);
        List<String> foreign = tables.stream().filter(t -> !isDemoTable(t.name)).map(LakeCatalog.Found::qualifiedName)
                .collect(Collectors.toList());
        String root = LakeCatalog.lakeRoot(conf);
        if (!foreign.isEmpty()) {
            throw new ConfigurationError("The lake at " + root + " holds tables the demo did not write: "
                    + String.join(", ", foreign), "run the demo on a lake of its own: -D tributary.lake.root=<empty folder>");
        }
        if (tables.isEmpty()) {
            return;
        }
        out.println("== 0. Removing the " + tables.size() + " tables of an earlier demo under " + root);
        for (LakeCatalog.Found t : tables) {
            delete(new Path(t.info.location()));
        }
        for (String job : DEMO_JOBS) {
            delete(new Path(RetainedCheckpoints.directory(conf, job)));
        }
    }

    private static boolean isDemoTable(String name) {
        return DEMO_TABLE_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static void delete(Path path) throws IOException {
        if (path.getFileSystem().exists(path)) {
            path.getFileSystem().delete(path, true);
        }
    }
}
