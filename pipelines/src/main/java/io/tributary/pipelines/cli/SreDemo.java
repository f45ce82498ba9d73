package io.tributary.pipelines.cli;

import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.sre.SrePipeline;

import org.apache.flink.configuration.Configuration;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The demo's SRE part: a MariaDB server of its own holding a generated year (with a few bad rows),
 * the SRE pipeline's backfill from it, and the report.
 */
final class SreDemo {
    static final int YEAR = GeneratedSreDatabase.YEAR;

    private SreDemo() {}

    static void run(Configuration conf, long requests, PrintStream out) throws Exception {
        Path data = Path.of(conf.get(TributaryOptions.LANDING_ROOT)).toAbsolutePath().normalize().getParent();
        Path csv = Path.of(conf.get(TributaryOptions.LANDING_ROOT), SrePipeline.NAME);
        try (GeneratedSreDatabase db = GeneratedSreDatabase.start(data.resolve("mariadb"), csv, requests)) {
            out.printf("  MariaDB at %s: %,d deploy runs, %,d requests, %,d incidents of %d%n", db.url(),
                    db.loaded.get("esteira_prod"), db.loaded.get("log"), db.loaded.get("chamados"), YEAR);
            Configuration sre = db.configure(conf);
            new PipelineRunner(sre, out).run(SrePipeline.fromConfig(sre), PipelineMode.BATCH);
            out.println();
            ReportCommand.sre(sre, String.valueOf(YEAR), data.resolve("sre-report.html"), out);
        }
    }
}
