package io.tributary.pipelines.retail.command;

import io.tributary.pipelines.retail.RetailGenerator;
import io.tributary.pipelines.retail.RetailPipeline;
import io.tributary.pipelines.runtime.DemoContext;
import io.tributary.pipelines.runtime.DemoStep;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Option;

/**
 * The demo's retail part: a generated shop's events backfilled into KPIs, similarities and
 * recommendations, and the report with the recommenders' measured quality.
 */
@Internal
public final class RetailDemo implements DemoStep {
    @Option(
            names = "--retail-events",
            defaultValue = "20000",
            description =
                    "Shop events the retail pipeline's generated shop holds (default: ${DEFAULT-VALUE}).")
    long events;

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<String> tablePrefixes() {
        return List.of(RetailPipeline.NAME + "_");
    }

    @Override
    public void run(DemoContext demo) throws Exception {
        Configuration conf = demo.conf();
        demo.section("Retail: a shop's KPIs, recommendations and how good they are");
        Path landing = Path.of(conf.get(TributaryOptions.LANDING_ROOT), RetailPipeline.NAME);
        RetailGenerator.Result generated =
                new RetailGenerator(42)
                        .generate(
                                landing,
                                events,
                                1_000,
                                300,
                                21,
                                RetailGenerator.Format.JSON,
                                false);
        demo.out()
                .printf(
                        "  %,d events of 1,000 persons and 300 items over 21 days (%,d bad rows) under %s%n",
                        generated.lines, generated.badRows, landing.toAbsolutePath().normalize());
        new PipelineRunner(conf, demo.out()).run(new RetailPipeline(conf), PipelineMode.BATCH);
        demo.out().println();
        Path data = landing.toAbsolutePath().normalize().getParent().getParent();
        RetailReportCommand.report(conf, 30, data.resolve("retail-report.html"), demo.out());
        demo.out().println();
        demo.out()
                .println(
                        "Retail report again: bin/tributary report retail --out retail-report.html");
    }
}
