package io.tributary.pipelines.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.command.DebianPackages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WindowStatistics} against PromQL itself: Debian's promtool 2.42 evaluates {@code
 * count/max/min/avg/stddev/quantile_over_time} over the same samples at the same times and compares
 * with the values this class computes, exactly ({@code promtool test rules} compares floats with
 * {@code ==}). The series have gaps, a window with no sample, values near 10⁹ whose mean needs the
 * compensated sum, and ties. Evaluation times fall between samples, so Prometheus 2.42's closed
 * window and the lake's left-open one select the same samples.
 */
class PromqlWindowStatisticsITCase {
    private static final int INTERVAL_SECONDS = 15;
    private static final int SAMPLES = 14 * 3600 / INTERVAL_SECONDS;
    private static final String LABELS = "{instance=\"h1:9100\",job=\"node\"}";
    private static final long[] WINDOWS = {3600, 3 * 3600, 12 * 3600};
    private static final long[] EVAL_TIMES = {
        3 * 3600 + 5,
        5 * 3600 + 50 * 60 + 5,
        6 * 3600 + 5,
        6 * 3600 + 20 * 60 + 5,
        12 * 3600 + 5,
        13 * 3600 + 59 * 60 + 50
    };

    @TempDir Path dir;

    @Test
    void windowStatisticsEqualPromtoolsOnEverySeriesWindowAndTime() throws Exception {
        Random random = new Random(18);
        List<Series> series = new ArrayList<>();
        series.add(
                new Series(
                        "busy",
                        i -> 40 + 10 * Math.sin(i / 40.0) + random.nextGaussian() * 3,
                        random));
        series.add(new Series("bytes", i -> 1e9 + random.nextGaussian() * 1e3, random));
        series.add(new Series("pids", i -> (double) (200 + random.nextInt(4)), random));

        StringBuilder yaml = new StringBuilder();
        // promtool answers an eval_time from its last evaluation tick: every time below is a tick.
        yaml.append("rule_files: []\nevaluation_interval: 5s\ntests:\n");
        yaml.append("  - interval: ").append(INTERVAL_SECONDS).append("s\n");
        yaml.append("    input_series:\n");
        for (Series s : series) {
            yaml.append("      - series: '").append(s.name).append(LABELS).append("'\n");
            yaml.append("        values: '").append(s.promtoolValues()).append("'\n");
        }
        yaml.append("    promql_expr_test:\n");
        int expectations = 0;
        int empty = 0;
        for (Series s : series) {
            for (long window : WINDOWS) {
                for (long at : EVAL_TIMES) {
                    WindowStatistics stats = s.window(at, window);
                    String range = s.name + "[" + window + "s]";
                    expect(yaml, "count_over_time(" + range + ")", at, stats, w -> w.samples());
                    expect(yaml, "max_over_time(" + range + ")", at, stats, w -> w.max());
                    expect(yaml, "min_over_time(" + range + ")", at, stats, w -> w.min());
                    expect(yaml, "avg_over_time(" + range + ")", at, stats, w -> w.avg());
                    expect(yaml, "stddev_over_time(" + range + ")", at, stats, w -> w.stddev());
                    expect(yaml, "quantile_over_time(0.5, " + range + ")", at, stats, w -> w.p50());
                    expect(
                            yaml,
                            "quantile_over_time(0.95, " + range + ")",
                            at,
                            stats,
                            w -> w.p95());
                    expectations += 7;
                    empty += stats == null ? 1 : 0;
                }
            }
        }
        assertThat(empty).as("windows with no sample, which must give no result").isPositive();
        Path tests = dir.resolve("window-statistics.test.yml");
        Files.writeString(tests, yaml);

        Path promtool = DebianPackages.program("prometheus", "usr/bin/promtool");
        Process process =
                new ProcessBuilder(promtool.toString(), "test", "rules", tests.toString())
                        .redirectErrorStream(true)
                        .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as("promtool test rules (%d expectations):%n%s", expectations, output)
                .isZero();
        assertThat(output).contains("SUCCESS");
    }

    private static void expect(
            StringBuilder yaml,
            String expr,
            long at,
            WindowStatistics stats,
            Function<WindowStatistics, Number> value) {
        yaml.append("      - expr: '").append(expr).append("'\n");
        yaml.append("        eval_time: ").append(at).append("s\n");
        if (stats == null) {
            yaml.append("        exp_samples: []\n");
            return;
        }
        yaml.append("        exp_samples:\n");
        yaml.append("          - labels: '").append(LABELS).append("'\n");
        yaml.append("            value: ").append(value.apply(stats).doubleValue()).append('\n');
    }

    /** A series sampled every 15 s from 0, with a 70-minute outage and a few lost scrapes. */
    private static final class Series {
        final String name;
        final String[] text = new String[SAMPLES];
        final double[] values = new double[SAMPLES];
        final boolean[] present = new boolean[SAMPLES];

        Series(String name, Function<Integer, Double> value, Random random) {
            this.name = name;
            for (int i = 0; i < SAMPLES; i++) {
                long ts = (long) i * INTERVAL_SECONDS;
                boolean outage = ts >= 5 * 3600 && ts < 6 * 3600 + 10 * 60;
                present[i] = !outage && random.nextInt(20) != 0;
                // The text both sides parse, so both hold the same double.
                text[i] = String.format(Locale.ROOT, "%.3f", value.apply(i));
                values[i] = Double.parseDouble(text[i]);
            }
        }

        String promtoolValues() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < SAMPLES; i++) {
                b.append(i == 0 ? "" : " ").append(present[i] ? text[i] : "_");
            }
            return b.toString();
        }

        /** The samples with at − window &lt; ts ≤ at, in time order. */
        WindowStatistics window(long at, long window) {
            double[] in = new double[SAMPLES];
            int n = 0;
            for (int i = 0; i < SAMPLES; i++) {
                long ts = (long) i * INTERVAL_SECONDS;
                if (present[i] && ts > at - window && ts <= at) {
                    in[n++] = values[i];
                }
            }
            return WindowStatistics.of(in, 0, n);
        }
    }
}
