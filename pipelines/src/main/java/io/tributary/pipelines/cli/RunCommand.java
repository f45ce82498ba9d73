package io.tributary.pipelines.cli;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.runtime.Compilers;
import io.tributary.pipelines.runtime.Pipeline;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.Pipelines;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Run a pipeline: a batch backfill or a streaming job.")
final class RunCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(
            index = "0",
            paramLabel = "PIPELINE",
            completionCandidates = RegisteredPipelines.class,
            description = "The pipeline: ${COMPLETION-CANDIDATES}.")
    String pipeline;

    @Option(
            names = "--mode",
            defaultValue = "batch",
            description = "batch or streaming (default: ${DEFAULT-VALUE}).")
    PipelineMode mode;

    @Option(
            names = "--bounded",
            description =
                    "Streaming mode: stop once the Kafka offsets present at start are consumed.")
    boolean bounded;

    @Option(
            names = "--resume",
            description =
                    "Streaming mode: continue from the latest checkpoint an earlier run "
                            + "(cancelled, failed or killed) left, with its state and offsets; start fresh when there is none.")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        Logging.configure(common.verbose);
        Configuration conf = common.configuration();
        Pipeline chosen = Pipelines.named(pipeline, conf);
        if (Compilers.clientFirst()) {
            if (mode == PipelineMode.BATCH) {
                chosen.batchInputBytes(conf)
                        .ifPresentOrElse(Compilers::reads, Compilers::readsUnknown);
            } else {
                Compilers.readsUnknown(); // a stream runs for hours
            }
        }
        long start = System.nanoTime();
        System.out.printf("Running %s in %s mode%n", pipeline, mode.name().toLowerCase());
        if (bounded) {
            conf.set(TributaryOptions.STREAMING_BOUNDED, true);
        }
        if (resume) {
            conf.set(TributaryOptions.STREAMING_RESUME, true);
        }
        new PipelineRunner(conf, System.out).run(chosen, mode);
        System.out.printf("Finished in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
