package io.tributary.pipelines.metrics;

import io.tributary.pipelines.metrics.prometheus.SeriesLabels;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Host metrics as Prometheus would answer them, for the demo and benchmarks: node-exporter's five
 * metrics for a few hosts, every 15 s, with a daily rhythm, noise, a memory leak on the last host
 * and CPU incidents (20 minutes near 100 %) — written as {@code query_range} answers, one file per
 * metric and day: {@code <dir>/<metric>/<YYYY-MM-DD>.json}.
 */
@PublicEvolving
public final class MetricsGenerator {
    /** The metrics, as the bundled metrics file names them. */
    public static final List<String> METRICS =
            List.of(
                    "memoryAvailable",
                    "cpuUsage",
                    "cpuTemperature",
                    "processes",
                    "networkThroughput");

    private static final long STEP = Duration.ofSeconds(15).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();

    private final long seed;

    public MetricsGenerator(long seed) {
        this.seed = seed;
    }

    /** What was written. */
    public static final class Result {
        public final List<Path> files;
        public final long samples;

        Result(List<Path> files, long samples) {
            this.files = List.copyOf(files);
            this.samples = samples;
        }
    }

    /** {@code days} days of {@code hosts} hosts, the last ending at midnight UTC of {@code end}. */
    public Result generate(Path dir, int hosts, int days, LocalDate end) throws IOException {
        Samples x = samples(hosts, days, end);
        List<Path> files = new ArrayList<>();
        for (int m = 0; m < METRICS.size(); m++) {
            Path folder = Files.createDirectories(dir.resolve(METRICS.get(m)));
            for (int d = 0; d < days; d++) {
                Path file = folder.resolve(end.minusDays(days - d) + ".json");
                write(
                        file,
                        x.series,
                        x.values[m],
                        x.start,
                        d * (int) (DAY / STEP),
                        (int) (DAY / STEP));
                files.add(file);
            }
        }
        return new Result(files, x.count());
    }

    /**
     * The same samples as {@link #generate} as one OpenMetrics file, each metric a gauge of its
     * name: what {@code promtool tsdb create-blocks-from openmetrics} loads into a Prometheus, so
     * that it and the lake hold the same samples.
     *
     * @return the samples written
     */
    public long writeOpenMetrics(Path file, int hosts, int days, LocalDate end) throws IOException {
        Samples x = samples(hosts, days, end);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int m = 0; m < METRICS.size(); m++) {
                out.write("# TYPE " + METRICS.get(m) + " gauge\n");
                for (int h = 0; h < x.series.size(); h++) {
                    String prefix = METRICS.get(m) + x.series.get(h) + " ";
                    for (int i = 0; i < x.values[m][h].length; i++) {
                        out.write(prefix);
                        out.write(format(x.values[m][h][i]));
                        out.write(' ');
                        out.write(
                                BigDecimal.valueOf(x.start + i * STEP, 3)
                                        .stripTrailingZeros()
                                        .toPlainString());
                        out.write('\n');
                    }
                }
            }
            out.write("# EOF\n");
        }
        return x.count();
    }

    /** Every metric's values by host and time, and the hosts' label sets. */
    private static final class Samples {
        final List<String> series = new ArrayList<>();
        final double[][][] values;
        final long start;

        Samples(int hosts, int points, long start) {
            this.values = new double[METRICS.size()][hosts][points];
            this.start = start;
        }

        long count() {
            return (long) values.length * values[0].length * values[0][0].length;
        }
    }

    private Samples samples(int hosts, int days, LocalDate end) {
        long start = end.minusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        Samples x = new Samples(hosts, (int) (days * DAY / STEP), start);
        for (int h = 0; h < hosts; h++) {
            x.series.add(
                    SeriesLabels.of(Map.of("instance", "web-" + (h + 1) + ":9100", "job", "node")));
            host(new Random(seed * 31 + h), h == hosts - 1, start, x.values, h);
        }
        return x;
    }

    private static void host(Random random, boolean leaking, long start, double[][][] v, int h) {
        int points = v[0][h].length;
        int incident = -1;
        for (int i = 0; i < points; i++) {
            double day = 2 * Math.PI * ((start + i * STEP) % DAY) / DAY;
            double rhythm = Math.sin(day - Math.PI / 2); // low at night, high in the afternoon
            if (incident < 0 && random.nextInt(4 * 60 * 24) == 0) {
                incident = 80; // 20 minutes
            }
            double cpu =
                    incident-- > 0
                            ? 92 + random.nextDouble() * 7
                            : Math.max(
                                    1, Math.min(100, 35 + 20 * rhythm + random.nextGaussian() * 3));
            v[1][h][i] = round(cpu, 2);
            v[2][h][i] = round(45 + 0.35 * cpu + random.nextGaussian() * 0.5, 1);
            double leak = leaking ? 1.5e9 * i / points : 0;
            v[0][h][i] = Math.round(8e9 - 2e9 * rhythm - leak + random.nextGaussian() * 5e7);
            v[3][h][i] = 180 + Math.round(10 * rhythm) + random.nextInt(4);
            v[4][h][i] =
                    round(
                            2e6
                                    + 1.5e6 * Math.max(0, rhythm)
                                    + Math.abs(random.nextGaussian()) * 2e5,
                            0);
        }
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, java.math.RoundingMode.HALF_EVEN)
                .doubleValue();
    }

    private static void write(
            Path file, List<String> series, double[][] values, long start, int from, int count)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
            for (int h = 0; h < series.size(); h++) {
                out.write(h == 0 ? "{\"metric\":{" : ",{\"metric\":{");
                String labels = series.get(h);
                // {instance="web-1:9100",job="node"} → "instance":"web-1:9100","job":"node"
                out.write(
                        labels.substring(1, labels.length() - 1)
                                .replaceAll("(\\w+)=\"", "\"$1\":\""));
                out.write("},\"values\":[");
                for (int i = from; i < from + count; i++) {
                    long t = start + i * STEP;
                    out.write(i == from ? "[" : ",[");
                    out.write(BigDecimal.valueOf(t, 3).stripTrailingZeros().toPlainString());
                    out.write(",\"");
                    out.write(format(values[h][i]));
                    out.write("\"]");
                }
                out.write("]}");
            }
            out.write("]}}");
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%d", (long) value)
                : BigDecimal.valueOf(value).toPlainString();
    }
}
