package io.tributary.pipelines.weblogs.command;

import io.tributary.pipelines.command.LakeQuery;
import io.tributary.pipelines.command.ResultPrinter;
import io.tributary.pipelines.runtime.DemoContext;
import io.tributary.pipelines.runtime.DemoStep;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsPipeline;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.TableEnvironment;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo's first part: a generated week of access logs, its backfill, and the questions the gold tables answer. */
@Internal
public final class WeblogsDemo implements DemoStep {
    /** The questions, in the order the demo asks them; the streaming part asks the first again. */
    static final Map<String, String> ANSWERS = new LinkedHashMap<>();

    static {
        ANSWERS.put("Summary", "SELECT * FROM gold.weblogs_summary");
        ANSWERS.put("Top 10 client IPs", "SELECT * FROM gold.weblogs_top_client_ips ORDER BY `rank`");
        ANSWERS.put("Top 6 endpoints (files excluded)", "SELECT * FROM gold.weblogs_top_endpoints ORDER BY `rank`");
        ANSWERS.put("Response bytes by status class",
                "SELECT * FROM gold.weblogs_bytes_by_status_class ORDER BY status_class");
        ANSWERS.put("Client errors (4xx) by weekday",
                "SELECT weekday, client_errors, is_max FROM gold.weblogs_client_errors_by_weekday ORDER BY iso_weekday");
        ANSWERS.put("Why lines were rejected", "SELECT reason, COUNT(*) AS `lines` FROM silver.weblogs_rejects "
                + "GROUP BY reason ORDER BY `lines` DESC, reason");
    }

    @Option(names = "--lines", defaultValue = "60000", description = "Log lines to generate (default: ${DEFAULT-VALUE}).")
    long lines;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<String> tablePrefixes() {
        return List.of(WeblogsPipeline.NAME + "_");
    }

    @Override
    public void run(DemoContext demo) throws Exception {
        PrintStream out = demo.out();
        Path landing = Path.of(demo.conf().get(TributaryOptions.LANDING_ROOT), WeblogsPipeline.NAME);
        demo.section("Generating web logs");
        WeblogGenerator.Result generated = new WeblogGenerator(42).generate(landing, lines, 7);
        out.printf("  %,d lines in %d files under %s%n", generated.lines, generated.files.size(),
                landing.toAbsolutePath().normalize());
        demo.section("Running the weblogs pipeline (batch backfill)");
        new PipelineRunner(demo.conf(), out).run(new WeblogsPipeline(), PipelineMode.BATCH);
        demo.section("The answers, from the gold tables");
        TableEnvironment tEnv = LakeQuery.environment(demo.conf());
        for (Map.Entry<String, String> answer : ANSWERS.entrySet()) {
            out.println();
            out.println(answer.getKey());
            ResultPrinter.printTable(out, LakeQuery.run(tEnv, answer.getValue()));
        }
    }
}
