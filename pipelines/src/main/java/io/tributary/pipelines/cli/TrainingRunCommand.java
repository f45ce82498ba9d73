package io.tributary.pipelines.cli;

import io.tributary.pipelines.command.LakeQuery;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.FileUtils;
import picocli.CommandLine.Command;

/**
 * What the launcher runs once per build while the JVM writes every class it loads into a class-data
 * archive, which later commands map instead of loading and verifying each class again: a 10-line
 * web-log backfill and a query of what it wrote, in a temporary folder it deletes. A backfill loads
 * the planner rules, connectors and Parquet code a {@code SELECT 1} never touches.
 */
@Command(
        name = "training-run",
        hidden = true,
        description = "A 10-line backfill and a query in a temporary folder (the launcher's).")
final class TrainingRunCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        Logging.configure(false);
        Path dir = Files.createTempDirectory("tributary-training-run");
        try {
            Configuration conf = new Configuration();
            conf.set(TributaryOptions.LANDING_ROOT, dir.resolve("landing").toString());
            conf.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
            new WeblogGenerator(42)
                    .generateOneFile(
                            dir.resolve("landing").resolve(WeblogsPipeline.NAME).resolve("log"),
                            10,
                            1);
            new PipelineRunner(conf, new PrintStream(OutputStream.nullOutputStream()))
                    .run(new WeblogsPipeline(), PipelineMode.BATCH);
            LakeQuery.run(
                    LakeQuery.environment(conf),
                    "SELECT status, COUNT(*) FROM silver.weblogs_requests GROUP BY status");
        } finally {
            FileUtils.deleteDirectory(dir.toFile());
        }
        return 0;
    }
}
