package io.tributary.pipelines.sre.command;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.GeneratedFiles;
import io.tributary.pipelines.command.TemporaryFiles;
import io.tributary.pipelines.sre.SreCsvLoader;
import io.tributary.pipelines.sre.SreDatabase;
import io.tributary.pipelines.sre.SreGenerator;
import io.tributary.pipelines.sre.SreOptions;
import io.tributary.pipelines.sre.SrePipeline;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.FileUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tributary generate sre}. */
@Internal
@Command(
        name = SrePipeline.NAME,
        description =
                "A year of deploy runs, requests and incidents, as CSV files or "
                        + "into a database.")
public final class SreGenerateCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Mixin GeneratedFiles files;

    @Option(
            names = "--requests",
            defaultValue = "500000",
            description = "Requests in the year (default: ${DEFAULT-VALUE}).")
    long requests;

    @Option(
            names = "--year",
            defaultValue = "2025",
            description = "The calendar year (default: ${DEFAULT-VALUE}).")
    int year;

    @Option(
            names = "--jdbc-url",
            paramLabel = "URL",
            description =
                    "Fill this database instead (tables created "
                            + "where missing, their rows replaced), e.g. jdbc:mysql://localhost:3306/sre or jdbc:postgresql://localhost/sre. "
                            + "Default: tributary.sre.jdbc.url with --to-database.")
    String jdbcUrl;

    @Option(
            names = "--user",
            description =
                    "Database user (default: tributary.sre.jdbc.user); the password comes "
                            + "from TRIBUTARY_SRE_JDBC_PASSWORD or tributary.sre.jdbc.password-file.")
    String user;

    @Option(names = "--to-database", description = "Fill the database of tributary.sre.jdbc.url.")
    boolean toDatabase;

    @Option(
            names = "--clean",
            description =
                    "Leave out the few bad rows (bad times, unknown statuses) otherwise "
                            + "written for the pipeline to reject.")
    boolean clean;

    @Override
    public Integer call() throws Exception {
        Configuration conf = common.configuration();
        Path dir = files.dir(conf, SrePipeline.NAME);
        if (jdbcUrl != null) {
            conf.set(SreOptions.JDBC_URL, jdbcUrl);
        }
        if (user != null) {
            conf.set(SreOptions.JDBC_USER, user);
        }
        long start = System.nanoTime();
        boolean intoDatabase = jdbcUrl != null || toDatabase;
        SreGenerator generator = new SreGenerator(files.seed, year);
        if (!clean) {
            generator.withBadRows();
        }
        Path csvDir =
                intoDatabase && files.out().isEmpty()
                        ? TemporaryFiles.folder("tributary-sre")
                        : dir;
        SreGenerator.Result sre = generator.generate(csvDir, requests);
        if (!intoDatabase) {
            System.out.printf(
                    "Wrote %,d deploy runs, %,d requests and %,d incidents of %d to %s (%.1f s)%n",
                    sre.runs,
                    sre.requests,
                    sre.incidents,
                    year,
                    dir.toAbsolutePath().normalize(),
                    (System.nanoTime() - start) / 1e9);
            return 0;
        }
        SreDatabase db = SreDatabase.fromConfig(conf);
        System.out.printf(
                "Loading %,d deploy runs, %,d requests and %,d incidents of %d into %s ...%n",
                sre.runs, sre.requests, sre.incidents, year, db.redacted());
        Map<String, Long> loaded = SreCsvLoader.load(db, csvDir);
        if (files.out().isEmpty()) {
            FileUtils.deleteDirectory(csvDir.toFile());
        }
        loaded.forEach((table, rows) -> System.out.printf("  %-13s %,10d rows%n", table, rows));
        System.out.printf("Done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
