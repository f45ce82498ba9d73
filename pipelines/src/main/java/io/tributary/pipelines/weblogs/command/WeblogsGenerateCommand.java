package io.tributary.pipelines.weblogs.command;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.GeneratedFiles;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.Internal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tributary generate weblogs}. */
@Internal
@Command(
        name = WeblogsPipeline.NAME,
        description =
                "Combined-format access logs, one file a day (every third "
                        + "gzipped), with the edge cases and bad lines a parser must survive.")
public final class WeblogsGenerateCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Mixin GeneratedFiles files;

    @Option(
            names = "--lines",
            defaultValue = "100000",
            description = "Log lines in all (default: ${DEFAULT-VALUE}).")
    long lines;

    @Option(
            names = "--days",
            defaultValue = "7",
            description =
                    "Days the lines spread over, one file each " + "(default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() throws Exception {
        Path dir = files.dir(common.configuration(), WeblogsPipeline.NAME);
        long start = System.nanoTime();
        WeblogGenerator.Result result = new WeblogGenerator(files.seed).generate(dir, lines, days);
        System.out.printf(
                "Wrote %,d lines in %d files to %s (%.1f s)%n",
                result.lines,
                result.files.size(),
                dir.toAbsolutePath().normalize(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
