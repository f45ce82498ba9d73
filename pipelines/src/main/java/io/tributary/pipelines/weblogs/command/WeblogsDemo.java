package io.tributary.pipelines.weblogs.command;

import io.tributary.pipelines.command.LakeQuery;
import io.tributary.pipelines.command.ResultPrinter;
import io.tributary.pipelines.runtime.DemoContext;
import io.tributary.pipelines.runtime.DemoStep;
import io.tributary.pipelines.runtime.NamedQuery;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.TableEnvironment;
import picocli.CommandLine.Option;

/**
 * The demo's first part: a generated week of access logs, its backfill, and the questions the gold
 * tables answer.
 */
@Internal
public final class WeblogsDemo implements DemoStep {
    /**
     * The questions (queries/<name>.sql beside the pipeline, Athena's named queries too), in the
     * order the demo asks them.
     */
    static final List<String> QUESTIONS =
            List.of(
                    "summary",
                    "top-client-ips",
                    "top-endpoints",
                    "bytes-by-status-class",
                    "client-errors-by-weekday",
                    "rejected-lines-by-reason");

    @Option(
            names = "--lines",
            defaultValue = "60000",
            description = "Log lines to generate (default: ${DEFAULT-VALUE}).")
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
        Path landing =
                Path.of(demo.conf().get(TributaryOptions.LANDING_ROOT), WeblogsPipeline.NAME);
        demo.section("Generating web logs");
        WeblogGenerator.Result generated = new WeblogGenerator(42).generate(landing, lines, 7);
        out.printf(
                "  %,d lines in %d files under %s%n",
                generated.lines, generated.files.size(), landing.toAbsolutePath().normalize());
        demo.section("Running the weblogs pipeline (batch backfill)");
        new PipelineRunner(demo.conf(), out).run(new WeblogsPipeline(), PipelineMode.BATCH);
        demo.section("The answers, from the gold tables");
        TableEnvironment tEnv = LakeQuery.environment(demo.conf());
        for (String name : QUESTIONS) {
            NamedQuery question = NamedQuery.load(WeblogsPipeline.class, name);
            out.println();
            out.println(question.description());
            ResultPrinter.printTable(out, LakeQuery.run(tEnv, question.sql()));
        }
    }
}
