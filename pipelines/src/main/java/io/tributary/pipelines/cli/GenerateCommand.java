package io.tributary.pipelines.cli;

import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.weblogs.WeblogGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", description = "Generate realistic input data (seeded, reproducible).")
final class GenerateCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(index = "0", paramLabel = "DOMAIN", description = "What to generate: weblogs.")
    String domain;

    @Option(names = "--lines", defaultValue = "100000", description = "Log lines in all (default: ${DEFAULT-VALUE}).")
    long lines;

    @Option(names = "--days", defaultValue = "7", description = "Days the lines spread over, one file each (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write to (default: <landing.root>/<domain>).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!"weblogs".equals(domain)) {
            throw new io.tributary.pipelines.runtime.ConfigurationError("Cannot generate '" + domain + "'", "use: tributary generate weblogs");
        }
        Path dir = out != null ? out : Path.of(common.configuration().get(TributaryOptions.LANDING_ROOT), domain);
        long start = System.nanoTime();
        WeblogGenerator.Result result = new WeblogGenerator(seed).generate(dir, lines, days);
        System.out.printf("Wrote %,d lines in %d files to %s (%.1f s)%n", result.lines, result.files.size(),
                dir.toAbsolutePath().normalize(), (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
