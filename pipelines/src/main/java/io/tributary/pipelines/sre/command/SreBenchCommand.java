package io.tributary.pipelines.sre.command;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.command.ScratchDir;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.sre.SreOptions;
import io.tributary.pipelines.sre.SrePipeline;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tributary bench sre}: a generated year in an embedded MariaDB, then the SRE backfill
 * timed: source rows read per second through the JDBC connector's partitioned scans, bronze,
 * silver, rejects and the four gold tables included.
 */
@Internal
@Command(
        name = SrePipeline.NAME,
        description =
                "The SRE backfill from an embedded MariaDB holding a generated "
                        + "year: source rows/s.")
public final class SreBenchCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
            names = "--requests",
            defaultValue = "2000000",
            description = "Requests in the generated year " + "(default: ${DEFAULT-VALUE}).")
    long requests;

    @Mixin ScratchDir scratch;

    @Override
    public Integer call() throws Exception {
        Logging.configure(common.verbose);
        Configuration conf = common.configuration();
        Path dir = scratch.emptied();
        System.out.printf(
                "Generating a year with %,d requests and loading it into MariaDB…%n", requests);
        long loadStart = System.nanoTime();
        try (GeneratedSreDatabase db =
                GeneratedSreDatabase.start(dir.resolve("mariadb"), dir.resolve("csv"), requests)) {
            System.out.printf(
                    "  %,d rows (%s) in %.1f s%n",
                    db.rows(), db.loaded, (System.nanoTime() - loadStart) / 1e9);
            Configuration sre = db.configure(conf);
            sre.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
            System.out.printf(
                    "Backfill with parallelism %d, %d scan partitions, on %d cores%n",
                    sre.get(TributaryOptions.PARALLELISM),
                    sre.get(SreOptions.SCAN_PARTITIONS),
                    Runtime.getRuntime().availableProcessors());
            long start = System.nanoTime();
            new PipelineRunner(sre, System.out)
                    .run(SrePipeline.fromConfig(sre), PipelineMode.BATCH);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "%ndatabase → bronze, silver → rejects, gold: %,d source rows in %.1f s = %,.0f rows/s "
                            + "(including both jobs' start-up)%n",
                    db.rows(), seconds, db.rows() / seconds);
        }
        return 0;
    }
}
