package io.tributary.pipelines.weblogs.command;

import io.tributary.pipelines.command.LakeQuery;
import io.tributary.pipelines.command.ResultPrinter;
import io.tributary.pipelines.command.Scratch;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;

/**
 * Whole backfills (landing → bronze + silver → gold) of the input shapes users have, each timed
 * from planning to the last gold commit on a warm JVM: a 10-line backfill runs first, and its time
 * is the fixed cost every command pays once. Then a query scans the silver table the backfill
 * wrote, as gold and {@code tributary sql} do: its rows/s are those of reading a table of as many
 * partitions as the shape has days. With {@code --runs} above one, the shape is backfilled again,
 * each time into a fresh lake, in the JVM the first run warmed: the median of those repeats is the
 * figure a command gets from the command server, and their spread shows how much one run can be
 * trusted on the machine. With {@code --cold}, the shape is also backfilled by {@code bin/tributary
 * run weblogs} in a JVM of its own: what a user's first command takes ({@link ColdCommand}).
 */
@Internal
final class WeblogsBatchBench {
    /** How the lines lie in the landing folder. */
    enum Shape {
        DAILY("daily files, every third gzipped", 30),
        ONE_PLAIN("one plain file", 400),
        ONE_GZ("one .gz file", 400),
        MANY_SMALL("1,000 small plain files", 30),
        ONE_DAY("one plain file of one day", 1);

        final String description;
        final int days;

        Shape(String description, int days) {
            this.description = description;
            this.days = days;
        }
    }

    /** Six columns of every silver row: strings, a number and a timestamp, cheap to aggregate. */
    private static final String SILVER_SCAN =
            "SELECT COUNT(*), MAX(client_ip), MAX(endpoint), MAX(user_agent), SUM(`bytes`),"
                    + " MAX(ts) FROM silver.weblogs_requests";

    private final Configuration conf;
    private final Path dir;
    private final PrintStream out;

    WeblogsBatchBench(Configuration conf, Path dir, PrintStream out) {
        this.conf = conf;
        this.dir = dir;
        this.out = out;
    }

    /**
     * @param days the days the lines span; 0: each shape's own
     * @param runs backfills of each shape: the first, then repeats in the JVM it warmed
     */
    void run(
            List<Shape> shapes,
            long lines,
            int days,
            int runs,
            Optional<ColdCommand> cold,
            Optional<SparkYardstick> spark)
            throws Exception {
        out.printf(
                "Backfills with parallelism %d on %d cores; a 10-line backfill first…%n",
                conf.get(TributaryOptions.PARALLELISM), Runtime.getRuntime().availableProcessors());
        double fixed = backfill("warm-up", Shape.ONE_DAY, 10, 1);
        out.printf(Locale.ROOT, "a 10-line backfill: %.1f s (the fixed cost)%n", fixed);
        List<List<Object>> rows = new ArrayList<>();
        for (Shape shape : shapes) {
            int span = days > 0 ? days : shape.days;
            out.printf(
                    "%s: %,d lines over %d days as %s…%n",
                    shape.name().toLowerCase(Locale.ROOT), lines, span, shape.description);
            String name = shape.name().toLowerCase(Locale.ROOT);
            double seconds = backfill(name, shape, lines, span);
            out.printf(Locale.ROOT, "%s: first run %.1f s%n", name, seconds);
            Scan scan = scanSilver(name);
            Optional<RepeatedRuns> repeats = repeat(name, runs - 1);
            Optional<Double> coldSeconds =
                    cold.isPresent() ? Optional.of(cold(name, cold.get())) : Optional.empty();
            List<Object> row =
                    new ArrayList<>(
                            Arrays.asList(
                                    name.replace('_', '-'),
                                    shape.description,
                                    span,
                                    lines,
                                    tenths(seconds),
                                    Math.round(lines / seconds)));
            coldSeconds.ifPresent(
                    c -> {
                        row.add(tenths(c));
                        row.add(Math.round(lines / c));
                    });
            repeats.ifPresent(
                    r -> {
                        row.add(tenths(r.median()));
                        row.add(Math.round(lines / r.median()));
                        row.add(tenths(r.min()) + "–" + tenths(r.max()));
                    });
            row.add(Math.round(scan.seconds * 100) / 100.0);
            row.add(Math.round(scan.rows / scan.seconds));
            if (spark.isPresent()) {
                out.printf("%s: the same lines through Spark 4 + delta-spark…%n", name);
                double sparkSeconds =
                        spark.get()
                                .seconds(
                                        landing("warm-up"),
                                        landing(name),
                                        dir.resolve(name).resolve("spark"));
                row.add(tenths(sparkSeconds));
                row.add(Math.round(lines / sparkSeconds));
                row.add(ratio(sparkSeconds, seconds));
                repeats.ifPresent(r -> row.add(ratio(sparkSeconds, r.median())));
            }
            rows.add(row);
        }
        List<String> columns =
                new ArrayList<>(List.of("shape", "landing", "days", "lines", "seconds", "lines/s"));
        if (cold.isPresent()) {
            columns.addAll(List.of("cold command s", "cold lines/s"));
        }
        if (runs > 1) {
            columns.addAll(List.of("warm s", "warm lines/s", "warm min–max s"));
        }
        columns.addAll(List.of("silver scan s", "scan rows/s"));
        if (spark.isPresent()) {
            columns.addAll(List.of("spark s", "spark lines/s", "vs spark"));
            if (runs > 1) {
                columns.add("warm vs spark");
            }
        }
        ResultPrinter.print(out, columns, rows, ResultPrinter.Format.TABLE);
    }

    /**
     * Backfills the named run's landing {@code times} more, each into a fresh lake so that every
     * repeat does the first run's work, in the JVM the runs before warmed. The lakes are removed
     * when the bench exits: deleting one just before the next run would slow that run's file
     * creation on some file systems ({@link Scratch}).
     */
    private Optional<RepeatedRuns> repeat(String name, int times) throws Exception {
        if (times < 1) {
            return Optional.empty();
        }
        double[] seconds = new double[times];
        for (int i = 0; i < times; i++) {
            seconds[i] = timedBackfill(dir.resolve(name).resolve("landing"), warmLake(name, i + 1));
            Scratch.removeAtExit(warmLake(name, i + 1));
            out.printf(
                    Locale.ROOT,
                    "%s: again in this JVM (%d of %d): %.1f s%n",
                    name,
                    i + 1,
                    times,
                    seconds[i]);
        }
        return Optional.of(new RepeatedRuns(seconds));
    }

    /**
     * Times the named run's landing backfilled by a command of its own, into a lake of its own,
     * removed when the bench exits; the command's output is kept beside it.
     */
    private double cold(String name, ColdCommand command) throws Exception {
        Path lake = dir.resolve(name).resolve("cold-lake");
        Scratch.removeAtExit(lake);
        double seconds =
                command.seconds(
                        dir.resolve(name).resolve("landing"),
                        lake,
                        dir.resolve(name).resolve("cold-command.log"));
        out.printf(Locale.ROOT, "%s: as a command of its own: %.1f s%n", name, seconds);
        return seconds;
    }

    private static double tenths(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    private static String ratio(double sparkSeconds, double seconds) {
        return tenths(sparkSeconds / seconds) + "×";
    }

    /** Times {@link #SILVER_SCAN} over the lake of the named run: planning, the job, the result. */
    private Scan scanSilver(String name) throws Exception {
        Configuration run = new Configuration(conf);
        run.set(TributaryOptions.LAKE_ROOT, dir.resolve(name).resolve("lake").toString());
        long start = System.nanoTime();
        LakeQuery result = LakeQuery.run(LakeQuery.environment(run), SILVER_SCAN);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Scan(((Number) result.rows().get(0).get(0)).longValue(), seconds);
    }

    private static final class Scan {
        final long rows;
        final double seconds;

        Scan(long rows, double seconds) {
            this.rows = rows;
            this.seconds = seconds;
        }
    }

    /** A run's landing folder of web logs. */
    private Path landing(String name) {
        return dir.resolve(name).resolve("landing").resolve(WeblogsPipeline.NAME);
    }

    /**
     * The lake of a shape's {@code repeat}th repeated backfill, a folder of its own so that a
     * repeat does the first run's work, in a JVM the runs before warmed (what the command server
     * gives).
     */
    static Path warmLake(Path dir, String name, int repeat) {
        return dir.resolve(name).resolve("warm-lake-" + repeat);
    }

    private Path warmLake(String name, int repeat) {
        return warmLake(dir, name, repeat);
    }

    /** Generates the shape's landing folder (not timed), then times the whole backfill. */
    private double backfill(String name, Shape shape, long lines, int days) throws Exception {
        Path root = Files.createDirectories(dir.resolve(name));
        generate(shape, landing(name), lines, days);
        return timedBackfill(root.resolve("landing"), root.resolve("lake"));
    }

    private double timedBackfill(Path landingRoot, Path lakeRoot) throws Exception {
        Configuration run = new Configuration(conf);
        run.set(TributaryOptions.LANDING_ROOT, landingRoot.toString());
        run.set(TributaryOptions.LAKE_ROOT, lakeRoot.toString());
        long start = System.nanoTime();
        new PipelineRunner(run, new PrintStream(OutputStream.nullOutputStream()))
                .run(new WeblogsPipeline(), PipelineMode.BATCH);
        return (System.nanoTime() - start) / 1e9;
    }

    private static void generate(Shape shape, Path landing, long lines, int days)
            throws IOException {
        WeblogGenerator generator = new WeblogGenerator(42);
        switch (shape) {
            case DAILY:
                generator.generate(landing, lines, days);
                break;
            case ONE_PLAIN:
            case ONE_DAY:
                generator.generateOneFile(landing.resolve("access.log"), lines, days);
                break;
            case ONE_GZ:
                generator.generateOneFile(landing.resolve("access.log.gz"), lines, days);
                break;
            case MANY_SMALL:
                generator.generateManyFiles(landing, lines, days, 1_000);
                break;
            default:
                throw new IllegalArgumentException(shape.toString());
        }
    }
}
