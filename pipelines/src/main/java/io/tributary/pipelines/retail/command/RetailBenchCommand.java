package io.tributary.pipelines.retail.command;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.command.ScratchDir;
import io.tributary.pipelines.retail.RetailBenchParts;
import io.tributary.pipelines.retail.RetailGenerator;
import io.tributary.pipelines.retail.RetailPipeline;
import io.tributary.pipelines.runtime.Pipeline;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tributary bench retail}: a whole backfill of a generated shop, timed per part — events
 * into bronze and silver, the KPIs, and similarity with recommendations and their evaluation — with
 * the heap's peak.
 */
@Internal
@Command(
        name = RetailPipeline.NAME,
        description =
                "A backfill of a generated shop: events/s into silver, for the KPIs, and for "
                        + "similarity + recommendations, and the peak heap.")
public final class RetailBenchCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
            names = "--events",
            defaultValue = "200000",
            description = "Events to generate (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(
            names = "--persons",
            defaultValue = "20000",
            description = "Persons (default: ${DEFAULT-VALUE}).")
    int persons;

    @Option(
            names = "--items",
            defaultValue = "5000",
            description = "Items (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(
            names = "--days",
            defaultValue = "35",
            description = "Days (files) (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--mode",
            defaultValue = "batch",
            description =
                    "batch (a whole backfill, timed per part) or streaming (a backfilled shop, then"
                            + " new interactions into the running job: how soon recommendations"
                            + " show them) (default: ${DEFAULT-VALUE}).")
    PipelineMode mode;

    @Option(
            names = "--rate",
            defaultValue = "50",
            description =
                    "Streaming: new interactions a second sent to the running job (default:"
                            + " ${DEFAULT-VALUE}).")
    int rate;

    @Option(
            names = "--seconds",
            defaultValue = "60",
            description = "Streaming: how long to send them (default: ${DEFAULT-VALUE}).")
    long seconds;

    @Option(
            names = "--warm-up",
            defaultValue = "10",
            description =
                    "Streaming: seconds at the start left out of the percentiles (default:"
                            + " ${DEFAULT-VALUE}).")
    long warmUp;

    @Mixin ScratchDir scratch;

    @Override
    public Integer call() throws Exception {
        Logging.configure(common.verbose);
        Configuration conf = common.configuration();
        Path dir = scratch.emptied();
        if (mode == PipelineMode.STREAMING) {
            new RetailStreamingBench(conf, dir, System.out)
                    .run(
                            events,
                            persons,
                            items,
                            days,
                            rate,
                            Duration.ofSeconds(seconds),
                            Duration.ofSeconds(warmUp));
            return 0;
        }
        conf.set(TributaryOptions.LANDING_ROOT, dir.resolve("landing").toString());
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
        System.out.printf(
                "Generating %,d events of %,d persons and %,d items over %d days…%n",
                events, persons, items, days);
        RetailGenerator.Result generated = generateShop(dir, events, persons, items, days);
        System.out.printf(
                "Backfill with parallelism %d on %d cores%n",
                conf.get(TributaryOptions.PARALLELISM), Runtime.getRuntime().availableProcessors());
        RetailPipeline pipeline = new RetailPipeline(conf);
        List<Pipeline.Stage> parts = RetailBenchParts.of(pipeline.stages(PipelineMode.BATCH));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        System.out.println();
        System.out.printf("%-46s %10s %14s%n", "part (one Flink job each)", "seconds", "events/s");
        long start = System.nanoTime();
        for (Pipeline.Stage part : parts) {
            long partStart = System.nanoTime();
            new PipelineRunner(conf, quiet)
                    .run(new RetailBenchParts.OnePart(pipeline, part), PipelineMode.BATCH);
            double s = (System.nanoTime() - partStart) / 1e9;
            System.out.printf("%-46s %10.1f %,14.0f%n", part.name(), s, generated.lines / s);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-46s %10.1f %,14.0f%n", "whole backfill", wall, generated.lines / wall);
        System.out.printf(
                "peak heap: %,d MB (every pool's peak, summed; the embedded cluster runs in this JVM)%n",
                peakHeap() / (1 << 20));
        return 0;
    }

    /** The benchmarks' shop: JSON lines under {@code <dir>/landing/retail}, one file a day. */
    static RetailGenerator.Result generateShop(
            Path dir, long events, int persons, int items, int days) throws java.io.IOException {
        return new RetailGenerator(42)
                .generate(
                        dir.resolve("landing").resolve(RetailPipeline.NAME),
                        events,
                        persons,
                        items,
                        days,
                        RetailGenerator.Format.JSON,
                        false);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
