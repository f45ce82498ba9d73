package io.tributary.pipelines.retail.command;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.GeneratedFiles;
import io.tributary.pipelines.retail.RetailGenerator;
import io.tributary.pipelines.retail.RetailPipeline;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.Internal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tributary generate retail}. */
@Internal
@Command(
        name = RetailPipeline.NAME,
        description =
                "A shop's event history, one file a day: persons with tastes, popular and long-tail "
                        + "items, sessions, purchases, busier weekends, and some bad rows.")
public final class RetailGenerateCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Mixin GeneratedFiles files;

    @Option(
            names = "--events",
            defaultValue = "200000",
            description = "Events in all (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(
            names = "--persons",
            defaultValue = "5000",
            description = "Persons (default: ${DEFAULT-VALUE}).")
    int persons;

    @Option(
            names = "--items",
            defaultValue = "2000",
            description = "Items in the catalogue (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(
            names = "--days",
            defaultValue = "35",
            description =
                    "Days the events spread over, one file each; the last 7 are the evaluation's "
                            + "holdout (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--format",
            defaultValue = "json",
            description = "json (JSON lines) or csv (with a header) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--purchases-only",
            description = "Write only purchases, as a shop's order export would.")
    boolean purchasesOnly;

    @Override
    public Integer call() throws Exception {
        RetailGenerator.Format f;
        try {
            f = RetailGenerator.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("--format is json or csv, not " + format);
            return 2;
        }
        Path dir = files.dir(common.configuration(), RetailPipeline.NAME);
        long start = System.nanoTime();
        RetailGenerator.Result result =
                new RetailGenerator(files.seed)
                        .generate(dir, events, persons, items, days, f, purchasesOnly);
        System.out.printf(
                "Wrote %,d lines (%,d of them bad) in %d files to %s (%.1f s)%n",
                result.lines,
                result.badRows,
                result.files.size(),
                dir.toAbsolutePath().normalize(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
