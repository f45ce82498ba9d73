package io.tributary.pipelines.sre.command;

import io.tributary.pipelines.runtime.DemoContext;
import io.tributary.pipelines.runtime.DemoStep;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.sre.SrePipeline;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Option;

/**
 * The demo's SRE part: a MariaDB server of its own holding a generated year (with a few bad rows),
 * the SRE pipeline's backfill from it, and the report.
 */
@Internal
public final class SreDemo implements DemoStep {
    public static final int YEAR = GeneratedSreDatabase.YEAR;

    @Option(
            names = "--sre-requests",
            defaultValue = "100000",
            description =
                    "Requests in the SRE pipeline's generated year (default: ${DEFAULT-VALUE}).")
    long requests;

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<String> tablePrefixes() {
        return List.of(SrePipeline.NAME + "_");
    }

    @Override
    public void run(DemoContext demo) throws Exception {
        Configuration conf = demo.conf();
        demo.section("SRE: last year's SLOs from an operational database (embedded MariaDB)");
        Path data =
                Path.of(conf.get(TributaryOptions.LANDING_ROOT))
                        .toAbsolutePath()
                        .normalize()
                        .getParent();
        Path csv = Path.of(conf.get(TributaryOptions.LANDING_ROOT), SrePipeline.NAME);
        try (GeneratedSreDatabase db =
                GeneratedSreDatabase.start(data.resolve("mariadb"), csv, requests)) {
            demo.out()
                    .printf(
                            "  MariaDB at %s: %,d deploy runs, %,d requests, %,d incidents of %d%n",
                            db.url(),
                            db.loaded.get("esteira_prod"),
                            db.loaded.get("log"),
                            db.loaded.get("chamados"),
                            YEAR);
            Configuration sre = db.configure(conf);
            new PipelineRunner(sre, demo.out())
                    .run(SrePipeline.fromConfig(sre), PipelineMode.BATCH);
            demo.out().println();
            SreReportCommand.report(
                    sre, String.valueOf(YEAR), data.resolve("sre-report.html"), demo.out());
        }
        demo.out().println();
        demo.out()
                .println(
                        "SRE report again:   bin/tributary report sre --year "
                                + YEAR
                                + " --out sre-report.html");
    }
}
