package io.tributary.pipelines.cli;

import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.sre.SreOptions;
import io.tributary.pipelines.sre.SrePipeline;

import org.apache.flink.configuration.Configuration;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code tributary bench sre}: a generated year in an embedded MariaDB, then the SRE backfill
 * timed: source rows read per second through the JDBC connector's partitioned scans, bronze,
 * silver, rejects and the four gold tables included.
 */
final class SreBench {
    private final Configuration conf;
    private final Path dir;
    private final PrintStream out;

    SreBench(Configuration conf, Path dir, PrintStream out) {
        this.conf = conf;
        this.dir = dir;
        this.out = out;
    }

    void run(long requests) throws Exception {
        out.printf("Generating a year with %,d requests and loading it into MariaDB…%n", requests);
        long loadStart = System.nanoTime();
        try (GeneratedSreDatabase db = GeneratedSreDatabase.start(dir.resolve("mariadb"), dir.resolve("csv"), requests)) {
            out.printf("  %,d rows (%s) in %.1f s%n", db.rows(), db.loaded, (System.nanoTime() - loadStart) / 1e9);
            Configuration sre = db.configure(conf);
            sre.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
            out.printf("Backfill with parallelism %d, %d scan partitions, on %d cores%n",
                    sre.get(TributaryOptions.PARALLELISM), sre.get(SreOptions.SCAN_PARTITIONS),
                    Runtime.getRuntime().availableProcessors());
            long start = System.nanoTime();
            new PipelineRunner(sre, out).run(SrePipeline.fromConfig(sre), PipelineMode.BATCH);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("%ndatabase → bronze, silver → rejects, gold: %,d source rows in %.1f s = %,.0f rows/s "
                    + "(including both jobs' start-up)%n", db.rows(), seconds, db.rows() / seconds);
        }
    }
}
