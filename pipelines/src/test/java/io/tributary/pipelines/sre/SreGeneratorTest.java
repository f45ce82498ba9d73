package io.tributary.pipelines.sre;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated year has what the SRE pipeline must find: failure bursts, outages, a slow group,
 * open incidents.
 */
class SreGeneratorTest {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir Path dir;

    @Test
    void deployRunsAreValidAndEveryServiceHasAFailingStretch() throws Exception {
        new SreGenerator(7, 2025).generate(dir, 1_000);
        List<String[]> runs = rows(dir.resolve("esteira_prod.csv"));
        assertThat(runs.size()).isBetween(10_000, 20_000);
        Map<String, int[]> failuresByServiceDay = new HashMap<>();
        for (String[] r : runs) {
            assertThat(r[6]).isIn("success", "failure", "cancelled");
            assertThat(time(r[5])).isAfterOrEqualTo(time(r[4]));
            assertThat(time(r[4]).getYear()).isEqualTo(2025);
            int[] day =
                    failuresByServiceDay.computeIfAbsent(
                            r[1] + r[4].substring(0, 10), k -> new int[2]);
            day[0] += r[6].equals("failure") ? 1 : 0;
            day[1]++;
        }
        long failures = runs.stream().filter(r -> r[6].equals("failure")).count();
        assertThat((double) failures / runs.size())
                .as("failures are the exception")
                .isLessThan(0.2);
        for (String service : SreGenerator.SERVICES) {
            assertThat(
                            failuresByServiceDay.entrySet().stream()
                                    .filter(
                                            e ->
                                                    e.getKey().startsWith(service)
                                                            && e.getValue()[1] >= 5)
                                    .anyMatch(e -> e.getValue()[0] >= 0.6 * e.getValue()[1]))
                    .as("%s has a day of mostly failed runs", service)
                    .isTrue();
        }
    }

    @Test
    void requestsHaveOutagesAndTheAwkwardStatusCodes() throws Exception {
        new SreGenerator(7, 2025).generate(dir, 200_000);
        List<String[]> requests = rows(dir.resolve("log.csv"));
        assertThat(requests).hasSize(200_000);
        assertThat(requests.stream().map(r -> r[4]).collect(Collectors.toSet()))
                .contains("429", "499", "503", "500", "200");
        long errors = requests.stream().filter(r -> Integer.parseInt(r[4]) >= 500).count();
        assertThat((double) errors / requests.size()).as("outages are rare").isLessThan(0.1);
        Map<String, int[]> byServiceHour = new HashMap<>();
        for (String[] r : requests) {
            int[] hour =
                    byServiceHour.computeIfAbsent(r[2] + r[1].substring(0, 13), k -> new int[2]);
            hour[0] += Integer.parseInt(r[4]) >= 500 ? 1 : 0;
            hour[1]++;
        }
        assertThat(
                        byServiceHour.values().stream()
                                .filter(h -> h[1] >= 3 && h[0] >= 0.5 * h[1])
                                .count())
                .as("hours in which a service answered mostly 5xx")
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void oneGroupIsSlowAndTheLastIncidentsAreStillOpen() throws Exception {
        new SreGenerator(7, 2025).generate(dir, 1_000);
        List<String[]> incidents = rows(dir.resolve("chamados.csv"));
        Map<Boolean, double[]> hours = new HashMap<>();
        long open = 0;
        for (String[] r : incidents) {
            if (r.length < 9 || r[8].isEmpty()) {
                open++;
                assertThat(r[6]).isEqualTo("In Progress");
                continue;
            }
            double h = java.time.Duration.between(time(r[7]), time(r[8])).toMinutes() / 60.0;
            assertThat(h).isPositive();
            double[] sum =
                    hours.computeIfAbsent(r[5].equals(SreGenerator.SLOW_GROUP), k -> new double[2]);
            sum[0] += h;
            sum[1]++;
        }
        assertThat(open).as("incidents still open at the year's end").isPositive();
        double slow = hours.get(true)[0] / hours.get(true)[1];
        double others = hours.get(false)[0] / hours.get(false)[1];
        assertThat(slow).as("the slow group's mean hours to close").isGreaterThan(3 * others);
    }

    @Test
    void theSameSeedWritesTheSameFiles() throws Exception {
        new SreGenerator(11, 2024).generate(dir.resolve("a"), 5_000);
        new SreGenerator(11, 2024).generate(dir.resolve("b"), 5_000);
        for (String file : List.of("esteira_prod.csv", "log.csv", "chamados.csv")) {
            assertThat(Files.readString(dir.resolve("a").resolve(file)))
                    .isEqualTo(Files.readString(dir.resolve("b").resolve(file)));
        }
    }

    private static List<String[]> rows(Path csv) throws Exception {
        return Files.readAllLines(csv).stream()
                .skip(1)
                .map(l -> l.split(",", -1))
                .collect(Collectors.toList());
    }

    private static LocalDateTime time(String text) {
        return LocalDateTime.parse(text, TS);
    }
}
