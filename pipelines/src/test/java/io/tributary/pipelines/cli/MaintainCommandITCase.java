package io.tributary.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.DeltaTableInfo;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.Landing;
import io.tributary.pipelines.testutils.WeblogsFixture;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tributary maintain} on a lake a web-log backfill wrote. */
class MaintainCommandITCase {
    @TempDir Path dir;

    @Test
    void optimizeVacuumAndCheckpointLeaveEveryAnswerAsItWas() throws Exception {
        Configuration conf = Landing.under(dir);
        WeblogsFixture.land(
                conf, new WeblogGenerator(5).generate(dir.resolve("generated"), 8_000, 4).files);
        new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                .run(new WeblogsPipeline(), PipelineMode.BATCH);
        Lake lake = new Lake(conf);
        List<List<String>> gold = WeblogsFixture.gold(lake);
        long requests = lake.count("silver.weblogs_requests");
        String silver = dir.resolve("lake/silver/weblogs_requests").toString();
        long filesBefore = DeltaTableInfo.load(silver, Map.of()).orElseThrow().files();

        String optimized = cli("maintain", "optimize", "--all");
        assertThat(optimized)
                .contains("silver.weblogs_requests")
                .contains("gold.weblogs_summary")
                .contains("took");
        assertThat(DeltaTableInfo.load(silver, Map.of()).orElseThrow().files())
                .as("the backfill's writers left several files per partition")
                .isLessThan(filesBefore);
        assertThat(WeblogsFixture.gold(lake)).isEqualTo(gold);
        assertThat(lake.count("silver.weblogs_requests")).isEqualTo(requests);

        assertThat(cli("maintain", "vacuum", "--table", "silver.weblogs_requests", "--dry-run"))
                .as("the compacted files were removed within the retention")
                .contains("would delete 0 files");
        assertThat(cli("maintain", "checkpoint", "--table", "gold.weblogs_summary"))
                .contains(
                        "checkpoint at version "
                                + DeltaTableInfo.load(
                                                dir.resolve("lake/gold/weblogs_summary").toString(),
                                                Map.of())
                                        .orElseThrow()
                                        .version());
    }

    @Test
    void anUnknownTableIsAnErrorThatListsTheLakesTables() {
        CommandLine cli = TributaryCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code =
                cli.execute(
                        "maintain",
                        "optimize",
                        "--table",
                        "gold.nope",
                        "-D",
                        TributaryOptions.LAKE_ROOT.key() + "=" + dir.resolve("empty"));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("No table gold.nope in the lake");
    }

    /** Runs the CLI in this JVM against the test's lake and returns what it printed. */
    private String cli(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "-D";
            all[args.length + 1] = TributaryOptions.LAKE_ROOT.key() + "=" + dir.resolve("lake");
            assertThat(TributaryCli.commandLine().execute(all)).as(captured.toString()).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
