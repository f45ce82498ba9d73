package io.tributary.pipelines.weblogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The landing shapes the backfill benchmark times hold the lines they say, over the days they say.
 */
class WeblogGeneratorTest {
    @TempDir Path dir;

    @Test
    void oneFileSpansItsDaysInTimeOrder() throws Exception {
        Path plain = dir.resolve("access.log");
        assertThat(new WeblogGenerator(1).generateOneFile(plain, 1_000, 400).lines)
                .isEqualTo(1_000);
        List<String> lines = Files.readAllLines(plain);
        assertThat(lines).hasSize(1_000);
        assertThat(lines.get(0)).contains("04/Mar/2024");
        assertThat(lines.get(999)).contains("/2025:");
        assertThat(days(lines)).hasSize(400);

        Path gz = dir.resolve("access.log.gz");
        new WeblogGenerator(1).generateOneFile(gz, 1_000, 400);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .containsExactlyElementsOf(lines);
        }
    }

    @Test
    void manyFilesAreSlicesOfTheirDays() throws Exception {
        WeblogGenerator.Result result =
                new WeblogGenerator(1).generateManyFiles(dir.resolve("many"), 100_000, 30, 1_000);
        assertThat(result.files).hasSize(1_000);
        assertThat(result.lines).isEqualTo(100_000);
        long total = 0;
        for (Path file : result.files) {
            List<String> lines = Files.readAllLines(file);
            total += lines.size();
            String day =
                    java.time.LocalDate.parse(file.getFileName().toString().substring(7, 17))
                            .format(
                                    java.time.format.DateTimeFormatter.ofPattern(
                                            "dd/MMM/yyyy", java.util.Locale.ENGLISH));
            // the day's lines, but for the few with a timestamp of another zone (edge cases)
            assertThat(lines.stream().filter(l -> l.contains("[" + day + ":")).count())
                    .as(file.toString())
                    .isGreaterThan(lines.size() * 9L / 10);
        }
        assertThat(total).isEqualTo(100_000);
    }

    private static final Pattern DATE = Pattern.compile("\\[(\\d{2}/\\w{3}/\\d{4}):");

    /** The distinct dd/MMM/yyyy dates of the lines (edge-case lines without one left out). */
    private static List<String> days(List<String> lines) {
        return lines.stream()
                .map(DATE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .distinct()
                .collect(Collectors.toList());
    }
}
