package io.tributary.pipelines.cli;

import io.tributary.pipelines.demo.EmbeddedMariaDb;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.sre.SreCsvLoader;
import io.tributary.pipelines.sre.SreDatabase;
import io.tributary.pipelines.sre.SreGenerator;
import io.tributary.pipelines.sre.SreOptions;
import io.tributary.pipelines.sre.SrePipeline;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.FileUtils;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The demo's SRE part: a MariaDB server of its own holding a generated year (with a few bad rows),
 * the SRE pipeline's backfill from it, and the report.
 */
final class SreDemo {
    static final int YEAR = 2025;

    private SreDemo() {}

    static void run(Configuration conf, long requests, PrintStream out) throws Exception {
        Path data = Path.of(conf.get(TributaryOptions.LANDING_ROOT)).toAbsolutePath().normalize().getParent();
        Path dbDir = data.resolve("mariadb");
        FileUtils.deleteDirectory(dbDir.toFile());
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dbDir)) {
            Configuration sre = new Configuration(conf);
            sre.set(SreOptions.JDBC_URL, db.jdbcUrl());
            sre.set(SreOptions.JDBC_USER, EmbeddedMariaDb.USER);
            Path csv = Path.of(conf.get(TributaryOptions.LANDING_ROOT), SrePipeline.NAME);
            new SreGenerator(42, YEAR).withBadRows().generate(csv, requests);
            Map<String, Long> loaded = SreCsvLoader.load(SreDatabase.fromConfig(sre), csv);
            out.printf("  MariaDB at %s: %,d deploy runs, %,d requests, %,d incidents of %d%n", db.jdbcUrl(),
                    loaded.get("esteira_prod"), loaded.get("log"), loaded.get("chamados"), YEAR);
            new PipelineRunner(sre, out).run(SrePipeline.fromConfig(sre), PipelineMode.BATCH);
            out.println();
            ReportCommand.sre(sre, String.valueOf(YEAR), data.resolve("sre-report.html"), out);
        }
    }
}
