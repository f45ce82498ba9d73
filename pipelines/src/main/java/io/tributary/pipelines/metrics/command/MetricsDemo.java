package io.tributary.pipelines.metrics.command;

import io.tributary.pipelines.command.LakeQuery;
import io.tributary.pipelines.command.ResultPrinter;
import io.tributary.pipelines.metrics.MetricsGenerator;
import io.tributary.pipelines.metrics.MetricsPipeline;
import io.tributary.pipelines.metrics.sla.Sla;
import io.tributary.pipelines.metrics.sla.SlaRange;
import io.tributary.pipelines.metrics.sla.SlaStore;
import io.tributary.pipelines.runtime.DemoContext;
import io.tributary.pipelines.runtime.DemoStep;
import io.tributary.pipelines.runtime.NamedQuery;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.TableEnvironment;
import picocli.CommandLine.Option;

/**
 * The demo's metrics part, without a Prometheus: generated host metrics as saved query_range
 * answers, an SLA stored in the lake, the backfill, and the SLA check it ends with.
 */
@Internal
public final class MetricsDemo implements DemoStep {
    static final List<String> QUESTIONS = List.of("last-hour", "series-character", "sla-check");

    @Option(
            names = "--metrics-hosts",
            defaultValue = "3",
            description = "Hosts whose metrics to generate (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<String> tablePrefixes() {
        return List.of("metrics_", "sla_");
    }

    @Override
    public void run(DemoContext demo) throws Exception {
        PrintStream out = demo.out();
        Path landing =
                Path.of(demo.conf().get(TributaryOptions.LANDING_ROOT), MetricsPipeline.NAME);
        demo.section(
                "Metrics: host statistics, their character, and an SLA check (no Prometheus needed)");
        MetricsGenerator.Result generated =
                new MetricsGenerator(42).generate(landing, hosts, 2, LocalDate.now(ZoneOffset.UTC));
        out.printf(
                "  generated %,d samples of node-exporter's five metrics (%d hosts, 2 days, every 15 s)"
                        + "%n  as %d saved query_range answers under %s%n",
                generated.samples,
                hosts,
                generated.files.size(),
                landing.toAbsolutePath().normalize());

        Map<String, SlaRange> ranges = new LinkedHashMap<>();
        ranges.put("cpuUsage", new SlaRange(null, 90.0));
        ranges.put("cpuTemperature", new SlaRange(null, 78.0));
        ranges.put("memoryAvailable", new SlaRange(6.5e9, null));
        Sla sla = new SlaStore(demo.conf()).create("web tier", ranges);
        out.printf("  SLA stored in the lake (silver.metrics_slas): %s%n", sla);
        new PipelineRunner(demo.conf(), out)
                .run(MetricsPipeline.fromConfig(demo.conf()), PipelineMode.BATCH);
        TableEnvironment tEnv = LakeQuery.environment(demo.conf());
        for (String name : QUESTIONS) {
            NamedQuery question = NamedQuery.load(MetricsPipeline.class, name);
            out.println();
            out.println(question.description());
            ResultPrinter.printTable(out, LakeQuery.run(tEnv, question.sql()));
        }
    }
}
