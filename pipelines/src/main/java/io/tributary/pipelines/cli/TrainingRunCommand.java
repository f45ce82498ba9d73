package io.tributary.pipelines.cli;

import io.tributary.pipelines.command.LakeQuery;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.command.TemporaryFiles;
import io.tributary.pipelines.runtime.PipelineProvider;
import io.tributary.pipelines.runtime.Pipelines;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.FileUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the launcher runs once per build while the JVM writes every class it loads into a class-data
 * archive, which later commands map instead of loading and verifying each class again: the
 * pipelines' {@link PipelineProvider#trainingRun training backfills} and a query of what they
 * wrote, in a temporary folder it deletes. A backfill loads the planner rules, connectors and
 * Parquet code a {@code SELECT 1} never touches.
 */
@Command(
        name = "training-run",
        hidden = true,
        description = "Backfills of made-up lines and a query in a temporary folder.")
final class TrainingRunCommand implements Callable<Integer> {
    @Option(
            names = "--records",
            defaultValue = "10",
            description =
                    "Records each backfill makes up (default: ${DEFAULT-VALUE}, enough to load"
                            + " the classes; the command server asks for more, so that the JIT"
                            + " compiles what every record runs through).")
    long records;

    @Override
    public Integer call() throws Exception {
        Logging.configure(false);
        Path dir = TemporaryFiles.folder("tributary-training-run");
        try {
            Configuration conf = new Configuration();
            conf.set(TributaryOptions.LANDING_ROOT, dir.resolve("landing").toString());
            conf.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
            for (PipelineProvider provider : Pipelines.all()) {
                if (Thread.currentThread().isInterrupted()) {
                    return 130; // the command server's warm-up, stopped for a command
                }
                List<String> gold = provider.goldTables();
                if (provider.trainingRun(conf, records) && !gold.isEmpty()) {
                    LakeQuery.run(
                            LakeQuery.environment(conf), "SELECT COUNT(*) FROM " + gold.get(0));
                }
            }
        } finally {
            try {
                FileUtils.deleteDirectory(dir.toFile());
            } catch (IOException stillWritten) {
                // A warm-up stopped for a command: its cancelled tasks may still be writing. The
                // folder is in this process's own, which goes when the process does.
            }
        }
        return 0;
    }
}
