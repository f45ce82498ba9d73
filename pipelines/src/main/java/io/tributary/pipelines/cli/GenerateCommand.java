package io.tributary.pipelines.cli;

import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.sre.SreCsvLoader;
import io.tributary.pipelines.sre.SreDatabase;
import io.tributary.pipelines.sre.SreGenerator;
import io.tributary.pipelines.sre.SreOptions;
import io.tributary.pipelines.weblogs.WeblogGenerator;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.FileUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "sre: fill this database instead (tables created "
            + "where missing, their rows replaced), e.g. jdbc:mysql://localhost:3306/sre or jdbc:postgresql://localhost/sre. "
            + "Default: tributary.sre.jdbc.url with --to-database.")
    String jdbcUrl;

    @Option(names = "--user", description = "sre: database user (default: tributary.sre.jdbc.user); the password comes "
            + "from TRIBUTARY_SRE_JDBC_PASSWORD or tributary.sre.jdbc.password-file.")
    String user;

    @Option(names = "--to-database", description = "sre: fill the database of tributary.sre.jdbc.url.")
    boolean toDatabase;

    @Option(names = "--clean", description = "sre: leave out the few bad rows (bad times, unknown statuses) otherwise "
            + "written for the pipeline to reject.")
    boolean clean;

    @Override
    public Integer call() throws Exception {
        if (!"weblogs".equals(domain) && !"sre".equals(domain)) {
            throw new io.tributary.pipelines.runtime.ConfigurationError("Cannot generate '" + domain + "'",
                    "use: tributary generate weblogs, or tributary generate sre");
        }
        Path dir = out != null ? out : Path.of(common.configuration().get(TributaryOptions.LANDING_ROOT), domain);
        long start = System.nanoTime();
        if ("sre".equals(domain)) {
            Configuration conf = common.configuration();
            if (jdbcUrl != null) {
                conf.set(SreOptions.JDBC_URL, jdbcUrl);
            }
            if (user != null) {
                conf.set(SreOptions.JDBC_USER, user);
            }
            return generateSre(conf, dir, jdbcUrl != null || toDatabase, start);
        }
        WeblogGenerator.Result result = new WeblogGenerator(seed).generate(dir, lines, days);
        System.out.printf("Wrote %,d lines in %d files to %s (%.1f s)%n", result.lines, result.files.size(),
                dir.toAbsolutePath().normalize(), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private int generateSre(Configuration conf, Path dir, boolean intoDatabase, long start) throws Exception {
        SreGenerator generator = new SreGenerator(seed, year);
        if (!clean) {
            generator.withBadRows();
        }
        Path csvDir = intoDatabase && out == null ? Files.createTempDirectory("tributary-sre") : dir;
        SreGenerator.Result sre = generator.generate(csvDir, requests);
        if (!intoDatabase) {
            System.out.printf("Wrote %,d deploy runs, %,d requests and %,d incidents of %d to %s (%.1f s)%n", sre.runs,
                    sre.requests, sre.incidents, year, dir.toAbsolutePath().normalize(), (System.nanoTime() - start) / 1e9);
            return 0;
        }
        SreDatabase db = SreDatabase.fromConfig(conf);
        System.out.printf("Loading %,d deploy runs, %,d requests and %,d incidents of %d into %s ...%n", sre.runs,
                sre.requests, sre.incidents, year, db.redacted());
        Map<String, Long> loaded = SreCsvLoader.load(db, csvDir);
        if (out == null) {
            FileUtils.deleteDirectory(csvDir.toFile());
        }
        loaded.forEach((table, rows) -> System.out.printf("  %-13s %,10d rows%n", table, rows));
        System.out.printf("Done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
