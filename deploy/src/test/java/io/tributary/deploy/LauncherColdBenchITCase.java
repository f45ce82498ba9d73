package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench weblogs --cold} backfills each shape once more as a user's first command would:
 * {@code bin/tributary run weblogs} in a JVM of its own, with the bench's settings, and prints its
 * time.
 */
class LauncherColdBenchITCase {
    private static final Pattern COLD =
            Pattern.compile("one_day: as a command of its own: (\\d+\\.\\d) s");

    @TempDir Path dir;

    @Test
    void theBenchTimesTheBackfillAsACommandOfItsOwn() throws Exception {
        Path scratch = dir.resolve("bench");
        Launcher.Result bench =
                Launcher.run(
                        dir,
                        Map.of("TRIBUTARY_SERVER", "off"),
                        "bench",
                        "weblogs",
                        "--shape",
                        "one_day",
                        "--lines",
                        "50",
                        "--cold",
                        "--dir",
                        scratch.toString(),
                        "-D",
                        "tributary.parallelism=1");

        assertThat(bench.code()).as(bench.toString()).isZero();
        Matcher cold = COLD.matcher(bench.out());
        assertThat(cold.find()).as(bench.out()).isTrue();
        List<String> header = cells(bench.out(), "| shape");
        List<String> row = cells(bench.out(), "| one-day");
        assertThat(Double.parseDouble(row.get(header.indexOf("cold command s"))))
                .isEqualTo(Double.parseDouble(cold.group(1)));
        String log =
                Files.readString(
                        scratch.resolve("one_day/cold-command.log"), StandardCharsets.UTF_8);
        assertThat(log)
                .as("the command backfilled the shape's 50 lines")
                .contains("bronze.weblogs_raw 50 rows/1 file")
                .contains("silver → gold done");
        assertThat(scratch.resolve("one_day/cold-lake"))
                .as("removed with the bench's other lakes when it exits")
                .doesNotExist();
    }

    private static List<String> cells(String out, String start) {
        String line =
                out.lines()
                        .filter(l -> l.startsWith(start))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no line " + start + " in\n" + out));
        return Arrays.stream(line.split("\\|"))
                .map(String::trim)
                .filter(c -> !c.isEmpty())
                .collect(Collectors.toList());
    }
}
