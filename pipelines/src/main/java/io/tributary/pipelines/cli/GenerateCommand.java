package io.tributary.pipelines.cli;

import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.sre.SreGenerator;
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

    @Parameters(index = "0", paramLabel = "DOMAIN", description = "What to generate: weblogs (access logs) or sre "
            + "(a year of deploy runs, requests and incidents as CSV files).")
    String domain;

    @Option(names = "--requests", defaultValue = "500000", description = "sre: requests in the year (default: ${DEFAULT-VALUE}).")
    long requests;

    @Option(names = "--year", defaultValue = "2025", description = "sre: the calendar year (default: ${DEFAULT-VALUE}).")
    int year;

    @Option(names = "--lines", defaultValue = "100000", description = "weblogs: log lines in all (default: ${DEFAULT-VALUE}).")
    long lines;

    @Option(names = "--days", defaultValue = "7", description = "weblogs: days the lines spread over, one file each (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write to (default: <landing.root>/<domain>).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!"weblogs".equals(domain) && !"sre".equals(domain)) {
            throw new io.tributary.pipelines.runtime.ConfigurationError("Cannot generate '" + domain + "'",
                    "use: tributary generate weblogs, or tributary generate sre");
        }
        Path dir = out != null ? out : Path.of(common.configuration().get(TributaryOptions.LANDING_ROOT), domain);
        long start = System.nanoTime();
        if ("sre".equals(domain)) {
            SreGenerator.Result sre = new SreGenerator(seed, year).generate(dir, requests);
            System.out.printf("Wrote %,d deploy runs, %,d requests and %,d incidents of %d to %s (%.1f s)%n", sre.runs,
                    sre.requests, sre.incidents, year, dir.toAbsolutePath().normalize(), (System.nanoTime() - start) / 1e9);
            return 0;
        }
        WeblogGenerator.Result result = new WeblogGenerator(seed).generate(dir, lines, days);
        System.out.printf("Wrote %,d lines in %d files to %s (%.1f s)%n", result.lines, result.files.size(),
                dir.toAbsolutePath().normalize(), (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
