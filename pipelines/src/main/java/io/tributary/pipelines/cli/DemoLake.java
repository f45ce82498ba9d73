package io.tributary.pipelines.cli;

import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.LakeCatalog;
import io.tributary.pipelines.runtime.RetainedCheckpoints;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The demo starts from an empty lake, so a second demo shows what the first did: its streamed rows
 * and Kafka offsets belong to a broker that no longer exists. It removes only what it can prove it
 * wrote: a marker at the lake root ({@value #MARKER}) names each table the demo wrote and the
 * version it left the table at. A table the marker does not name, or that has changed since (a
 * backfill of real logs into the demo's lake), makes the demo refuse the lake and name the table.
 *
 * <p>A demo that was interrupted while writing ({@code in-progress} in the marker) may have left
 * tables it had no chance to record; those are taken as its own only when their names are the
 * demo's, and only on a lake the marker proves the demo set up.
 */
final class DemoLake {
    static final String MARKER = "_tributary_demo.properties";
    private static final String TABLE = "table.";
    private static final String IN_PROGRESS = "in-progress";

    private final Configuration conf;
    private final List<String> tablePrefixes;
    private final List<String> jobs;

    /**
     * @param tablePrefixes prefixes of the names of the tables the demo's steps write
     * @param jobs the streaming jobs whose checkpoints the demo leaves under the lake
     */
    DemoLake(Configuration conf, List<String> tablePrefixes, List<String> jobs) {
        this.conf = conf;
        this.tablePrefixes = List.copyOf(tablePrefixes);
        this.jobs = List.copyOf(jobs);
    }

    /**
     * Removes an earlier demo's tables, or refuses a lake that holds anything else; then claims the
     * lake.
     */
    void startOver(PrintStream out) throws IOException {
        String root = LakeCatalog.lakeRoot(conf);
        List<LakeCatalog.Found> tables = LakeCatalog.discover(conf);
        Optional<Properties> marker = read(root);
        List<String> foreign = new ArrayList<>();
        for (LakeCatalog.Found t : tables) {
            notOwned(t, marker).ifPresent(why -> foreign.add(t.qualifiedName() + " (" + why + ")"));
        }
        if (!foreign.isEmpty()) {
            throw new ConfigurationError(
                    "The lake at "
                            + root
                            + " holds tables the demo cannot prove it wrote: "
                            + String.join(", ", foreign),
                    "run the demo on a lake of its own: -D tributary.lake.root=<empty folder>");
        }
        if (!tables.isEmpty()) {
            out.println(
                    "== 0. Removing the "
                            + tables.size()
                            + " tables of an earlier demo under "
                            + root);
            for (LakeCatalog.Found t : tables) {
                delete(new Path(t.info.location()));
            }
            for (String job : jobs) {
                delete(new Path(RetainedCheckpoints.directory(conf, job)));
            }
        }
        Properties claimed = new Properties();
        claimed.setProperty("started", Instant.now().toString());
        claimed.setProperty(IN_PROGRESS, "true");
        write(root, claimed);
    }

    /** Records every table of the lake at its current version: call after each step that writes. */
    void record(boolean finished) throws IOException {
        String root = LakeCatalog.lakeRoot(conf);
        Properties marker = read(root).orElseGet(Properties::new);
        for (LakeCatalog.Found t : LakeCatalog.discover(conf)) {
            marker.setProperty(TABLE + t.qualifiedName(), Long.toString(t.info.version()));
        }
        marker.setProperty(IN_PROGRESS, Boolean.toString(!finished));
        write(root, marker);
    }

    /** Why the demo may not remove this table, if it may not. */
    private Optional<String> notOwned(LakeCatalog.Found t, Optional<Properties> marker) {
        if (marker.isEmpty()) {
            return Optional.of("the lake has no demo marker " + MARKER);
        }
        String recorded = marker.get().getProperty(TABLE + t.qualifiedName());
        if (recorded == null) {
            boolean interrupted = Boolean.parseBoolean(marker.get().getProperty(IN_PROGRESS));
            return interrupted && tablePrefixes.stream().anyMatch(t.name::startsWith)
                    ? Optional.empty()
                    : Optional.of("not written by the demo");
        }
        long left = Long.parseLong(recorded);
        return t.info.version() > left
                ? Optional.of(
                        "changed since the demo: version "
                                + t.info.version()
                                + ", the demo left "
                                + left)
                : Optional.empty();
    }

    private static Optional<Properties> read(String root) throws IOException {
        Path path = new Path(root, MARKER);
        FileSystem fs = path.getFileSystem();
        if (!fs.exists(path)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = fs.open(path)) {
            p.load(in);
        }
        return Optional.of(p);
    }

    private static void write(String root, Properties marker) throws IOException {
        Path path = new Path(root, MARKER);
        try (OutputStream os = path.getFileSystem().create(path, FileSystem.WriteMode.OVERWRITE)) {
            marker.store(
                    os,
                    "Written by 'tributary demo': the tables it wrote, at the version it left each. "
                            + "The demo removes only these, and only unchanged.");
        }
    }

    private static void delete(Path path) throws IOException {
        if (path.getFileSystem().exists(path)) {
            path.getFileSystem().delete(path, true);
        }
    }
}
