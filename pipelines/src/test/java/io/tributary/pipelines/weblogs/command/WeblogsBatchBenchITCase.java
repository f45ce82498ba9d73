package io.tributary.pipelines.weblogs.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.DeltaTableInfo;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.testutils.Lake;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary bench weblogs --runs}: repeats that do the first run's work, and their median.
 */
class WeblogsBatchBenchITCase {
    private static final Pattern REPEAT =
            Pattern.compile("one_day: again in this JVM \\(\\d of 2\\): (\\d+\\.\\d) s");

    @TempDir Path dir;

    @Test
    void repeatsEachBackfillIntoAFreshLakeAndPrintsTheirMedianAndSpread() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.PARALLELISM, 1);

        new WeblogsBatchBench(conf, dir, new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(
                        List.of(WeblogsBatchBench.Shape.ONE_DAY),
                        200,
                        1,
                        3,
                        Optional.empty(),
                        Optional.empty());

        String out = bytes.toString(StandardCharsets.UTF_8);
        List<Double> repeats = new ArrayList<>();
        Matcher m = REPEAT.matcher(out);
        while (m.find()) {
            repeats.add(Double.parseDouble(m.group(1)));
        }
        assertThat(repeats).hasSize(2);
        repeats.sort(null);
        List<String> header = cells(out, "| shape");
        List<String> row = cells(out, "| one-day");
        assertThat(row.get(header.indexOf("lines"))).isEqualTo("200");
        // The median of two runs is their mean: between them, however each is rounded.
        assertThat(Double.parseDouble(row.get(header.indexOf("warm s"))))
                .isBetween(repeats.get(0), repeats.get(1));
        assertThat(row.get(header.indexOf("warm min–max s")))
                .isEqualTo(repeats.get(0) + "–" + repeats.get(1));
        // Each repeat wrote a lake of its own: its log is as long as the first run's. A repeat into
        // the lake before it would replace the same rows, but in more commits.
        for (int repeat = 1; repeat <= 2; repeat++) {
            Path warmLake = WeblogsBatchBench.warmLake(dir, "one_day", repeat);
            for (String table : List.of("bronze/weblogs_raw", "silver/weblogs_requests")) {
                assertThat(version(warmLake.resolve(table)))
                        .as(table)
                        .isEqualTo(version(dir.resolve("one_day/lake").resolve(table)));
            }
            Configuration warm = new Configuration(conf);
            warm.set(TributaryOptions.LAKE_ROOT, warmLake.toString());
            Lake lake = new Lake(warm);
            assertThat(lake.count("bronze.weblogs_raw")).isEqualTo(200);
            assertThat(lake.count("silver.weblogs_requests") + lake.count("silver.weblogs_rejects"))
                    .isEqualTo(200);
        }
    }

    private static long version(Path table) {
        return DeltaTableInfo.load(table.toUri().toString(), Map.of()).orElseThrow().version();
    }

    private static List<String> cells(String out, String start) {
        String line =
                Arrays.stream(out.split("\n"))
                        .filter(l -> l.startsWith(start))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no line " + start + " in\n" + out));
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
            cells.add(cell.trim());
        }
        return cells;
    }
}
