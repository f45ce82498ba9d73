package io.tributary.pipelines.cli;

import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsPipeline;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.TableEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "demo", description = "Generate web logs, run the pipeline on embedded defaults and show the answers.")
final class DemoCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--lines", defaultValue = "60000", description = "Log lines to generate (default: ${DEFAULT-VALUE}).")
    long lines;

    @Option(names = "--stream-lines", defaultValue = "20000",
            description = "Log lines to stream through Kafka after the backfill (default: ${DEFAULT-VALUE}).")
    long streamLines;

    @Option(names = "--order-changes", defaultValue = "1000",
            description = "Order changes (CDC events) to stream (default: ${DEFAULT-VALUE}).")
    int orderChanges;

    @Option(names = "--sre-requests", defaultValue = "100000",
            description = "Requests in the SRE pipeline's generated year (default: ${DEFAULT-VALUE}).")
    long sreRequests;

    @Option(names = "--no-streaming", description = "Only the batch backfill: no Kafka broker, no streaming jobs.")
    boolean noStreaming;

    static final Map<String, String> ANSWERS = new LinkedHashMap<>();

    static {
        ANSWERS.put("Summary", "SELECT * FROM gold.weblogs_summary");
        ANSWERS.put("Top 10 client IPs", "SELECT * FROM gold.weblogs_top_client_ips ORDER BY `rank`");
        ANSWERS.put("Top 6 endpoints (files excluded)", "SELECT * FROM gold.weblogs_top_endpoints ORDER BY `rank`");
        ANSWERS.put("Response bytes by status class", "SELECT * FROM gold.weblogs_bytes_by_status_class ORDER BY status_class");
        ANSWERS.put("Client errors (4xx) by weekday", "SELECT weekday, client_errors, is_max FROM gold.weblogs_client_errors_by_weekday ORDER BY iso_weekday");
        ANSWERS.put("Why lines were rejected", "SELECT reason, COUNT(*) AS `lines` FROM silver.weblogs_rejects GROUP BY reason ORDER BY `lines` DESC, reason");
    }

    @Override
    public Integer call() throws Exception {
        Logging.configure(common.verbose);
        Configuration conf = common.configuration();
        DemoLake.startOver(conf, System.out);
        Path landing = Path.of(conf.get(TributaryOptions.LANDING_ROOT), WeblogsPipeline.NAME);
        System.out.println("== 1. Generating web logs");
        WeblogGenerator.Result generated = new WeblogGenerator(42).generate(landing, lines, 7);
        System.out.printf("  %,d lines in %d files under %s%n", generated.lines, generated.files.size(),
                landing.toAbsolutePath().normalize());
        System.out.println("== 2. Running the weblogs pipeline (batch backfill)");
        new PipelineRunner(conf, System.out).run(new WeblogsPipeline(), PipelineMode.BATCH);
        DemoLake.record(conf, false);
        System.out.println("== 3. The answers, from the gold tables");
        TableEnvironment tEnv = LakeQuery.environment(conf);
        for (Map.Entry<String, String> answer : ANSWERS.entrySet()) {
            System.out.println();
            System.out.println(answer.getKey());
            LakeQuery result = LakeQuery.run(tEnv, answer.getValue());
            ResultPrinter.print(System.out, result.columns, result.rows, ResultPrinter.Format.TABLE);
        }
        System.out.println();
        System.out.println("== 4. SRE: last year's SLOs from an operational database (embedded MariaDB)");
        SreDemo.run(conf, sreRequests, System.out);
        DemoLake.record(conf, noStreaming);
        if (!noStreaming) {
            System.out.println();
            System.out.println("== 5. Streaming: the same tables kept current from Kafka");
            new StreamingDemo(conf, System.out).run(streamLines, orderChanges);
            DemoLake.record(conf, true);
            System.out.println();
            System.out.println("Summary after the stream (compare with the backfill's above)");
            LakeQuery summary = LakeQuery.run(LakeQuery.environment(conf), ANSWERS.get("Summary"));
            ResultPrinter.print(System.out, summary.columns, summary.rows, ResultPrinter.Format.TABLE);
        }
        System.out.println();
        System.out.println("== " + (noStreaming ? 5 : 6) + ". The lake");
        TablesCommand.print(conf, System.out);
        System.out.println();
        System.out.println("Query it yourself:  bin/tributary sql \"SELECT * FROM gold.weblogs_top_endpoints\"");
        System.out.println("SRE report again:   bin/tributary report sre --year " + SreDemo.YEAR + " --out sre-report.html");
        return 0;
    }
}
