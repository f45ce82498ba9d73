package io.tributary.pipelines.weblogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.runtime.BackfillJobs;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.runtime.Written;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.Landing;
import io.tributary.pipelines.testutils.NamedQueries;
import io.tributary.pipelines.testutils.ReferenceWeblogs;
import io.tributary.pipelines.testutils.SharedDatasets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs the web-log backfill on the MiniCluster and checks every gold table independently. */
class WeblogsBatchITCase {
    @TempDir Path dir;

    private Configuration conf() {
        Configuration conf = Landing.under(dir);
        // Small files, so that every table is written as several files and rolled mid-input.
        conf.set(TributaryOptions.SINK_TARGET_FILE_SIZE, MemorySize.parse("64kb"));
        return conf;
    }

    private Map<String, Written> backfill(Configuration conf) throws Exception {
        return new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                .run(new WeblogsPipeline(), PipelineMode.BATCH);
    }

    @Test
    void goldTablesMatchAnIndependentComputationOverGeneratedLogs() throws Exception {
        Path landing = dir.resolve("landing").resolve("weblogs");
        new WeblogGenerator(7).generate(landing, 40_000, 5);
        Configuration conf = conf();
        Map<String, Written> written = backfill(conf);
        assertThat(written.get("default_catalog.bronze.weblogs_raw").rows()).isEqualTo(40_000);
        assertMatchesReference(new Lake(conf), ReferenceWeblogs.of(landing));
        NamedQueries.assertEachPlans(WeblogsPipeline.class, new Lake(conf));
    }

    @Test
    void goldTablesMatchAnIndependentComputationOverTheRealSample() throws Exception {
        Path sample = SharedDatasets.weblogSample();
        Path landing = Files.createDirectories(dir.resolve("landing").resolve("weblogs"));
        Files.copy(sample, landing.resolve(sample.getFileName()));
        Configuration conf = conf();
        backfill(conf);
        assertMatchesReference(new Lake(conf), ReferenceWeblogs.of(landing));
    }

    @Test
    void theTrainingRunBackfillsTheLinesItIsAskedForIntoEveryLayer() throws Exception {
        Configuration conf = conf();

        assertThat(new WeblogsPipelineProvider().trainingRun(conf, 25)).isTrue();

        Lake lake = new Lake(conf);
        assertThat(lake.count("bronze.weblogs_raw")).isEqualTo(25);
        assertThat(lake.count("silver.weblogs_requests") + lake.count("silver.weblogs_rejects"))
                .isEqualTo(25);
        assertThat(lake.count("gold.weblogs_summary")).isEqualTo(1);
    }

    @Test
    void rerunningTheBackfillLeavesTheSameTables() throws Exception {
        new WeblogGenerator(11).generate(dir.resolve("landing").resolve("weblogs"), 8_000, 3);
        Configuration conf = conf();
        backfill(conf);
        List<List<String>> first = snapshot(new Lake(conf));
        backfill(conf);
        List<List<String>> second = snapshot(new Lake(conf));
        assertThat(second).isEqualTo(first);
        assertThat(new Lake(conf).count("bronze.weblogs_raw")).isEqualTo(8_000);
    }

    /**
     * The nightly backfill: each day's files in {@code <landing>/<day>/weblogs/}, one run a day.
     * The days add up to the lake of one run over all of them, a rerun of a day changes nothing,
     * and a late file for an earlier day adds its rows without touching the others. The generated
     * days hold lines in other UTC offsets, whose {@code date} partition is a neighbouring day's.
     * Gold is computed by the landing job, from silver's kept rows and the job's own, or by a job
     * of its own from silver read back: the same lake either way.
     */
    @ParameterizedTest
    @EnumSource(
            value = BackfillJobs.class,
            names = {"COMBINED", "SEPARATE"})
    void dayByDayBackfillsAddUpToOneBackfillOverEveryDay(BackfillJobs jobs) throws Exception {
        Path all = dir.resolve("all");
        WeblogGenerator.Result days = new WeblogGenerator(13).generate(all, 9_000, 3);
        Configuration conf = conf();
        conf.set(TributaryOptions.BACKFILL_JOBS, jobs);
        for (Path file : days.files) {
            backfill(oneDay(conf, file));
        }
        Lake lake = new Lake(conf);
        assertMatchesReference(lake, ReferenceWeblogs.of(all));
        assertThat(lake.count("bronze.weblogs_raw")).isEqualTo(9_000);

        List<List<String>> before = snapshot(lake);
        backfill(oneDay(conf, days.files.get(1)));
        assertThat(snapshot(new Lake(conf))).as("a rerun of the second day").isEqualTo(before);

        Path late = dir.resolve("late");
        Path lateFile = new WeblogGenerator(17).generate(late, 700, 1).files.get(0);
        Path firstDay = days.files.get(0);
        Files.copy(lateFile, dayFolder(firstDay).resolve("late-" + lateFile.getFileName()));
        Files.copy(lateFile, all.resolve("late-" + lateFile.getFileName()));
        backfill(oneDay(conf, firstDay));
        assertMatchesReference(new Lake(conf), ReferenceWeblogs.of(all));
        assertThat(new Lake(conf).count("bronze.weblogs_raw")).isEqualTo(9_700);
    }

    /**
     * Damaged landing files never stop a backfill: a truncated {@code .gz} (an upload in flight)
     * keeps the lines before the break and says where it broke; a binary file without line breaks
     * is one cut line; both reasons reach the rejects table, and bronze = requests + rejects.
     */
    @Test
    void damagedLandingFilesBecomeRejectsNotAFailedBackfill() throws Exception {
        Path landing = Files.createDirectories(dir.resolve("landing").resolve("weblogs"));
        WeblogGenerator generator = new WeblogGenerator(23);
        Files.write(landing.resolve("good.log"), generator.day(2_000, 0));
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.io.Writer w =
                new java.io.OutputStreamWriter(
                        new java.util.zip.GZIPOutputStream(gz),
                        java.nio.charset.StandardCharsets.UTF_8)) {
            for (String line : generator.day(20_000, 1)) {
                w.write(line + "\n");
            }
        }
        byte[] whole = gz.toByteArray();
        Files.write(
                landing.resolve("in-flight.log.gz"),
                java.util.Arrays.copyOf(whole, whole.length * 3 / 5));
        byte[] binary = new byte[3 << 20];
        new java.util.Random(5).nextBytes(binary);
        for (int i = 0; i < binary.length; i++) {
            if (binary[i] == '\n' || binary[i] == '\r') {
                binary[i] = 'x';
            }
        }
        Files.write(landing.resolve("image.log"), binary);

        Configuration conf = conf();
        backfill(conf);
        Lake lake = new Lake(conf);
        long bronze = lake.count("bronze.weblogs_raw");
        assertThat(bronze)
                .isEqualTo(
                        lake.count("silver.weblogs_requests")
                                + lake.count("silver.weblogs_rejects"));
        assertThat(
                        lake.rows(
                                "SELECT COUNT(*) FROM bronze.weblogs_raw WHERE source_file LIKE '%good.log'"))
                .containsExactly("2000");
        List<String> broken =
                lake.rows(
                        "SELECT line_number, reason FROM silver.weblogs_rejects "
                                + "WHERE source_file LIKE '%in-flight.log.gz' AND reason LIKE 'the file cannot be read past line %'");
        assertThat(broken).hasSize(1);
        long lastLine = Long.parseLong(broken.get(0).split(",")[0]);
        assertThat(lastLine)
                .as("the lines before the break are kept")
                .isGreaterThan(1_000)
                .isLessThan(20_000);
        assertThat(
                        lake.rows(
                                "SELECT COUNT(*), MAX(line_number) FROM bronze.weblogs_raw WHERE source_file LIKE '%in-flight.log.gz'"))
                .containsExactly(lastLine + "," + lastLine);
        List<String> cut =
                lake.rows(
                        "SELECT line_number, CHAR_LENGTH(raw_line) FROM silver.weblogs_rejects "
                                + "WHERE source_file LIKE '%image.log' AND reason LIKE 'a line of % bytes, over the limit%'");
        assertThat(cut).hasSize(1).allMatch(r -> r.startsWith("1,"));
        // Cut at 2^20 bytes, then decoded with U+FFFD for what is not UTF-8: the kept line has the
        // characters of the file's first 2^20 bytes.
        String kept = new String(binary, 0, 1 << 20, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Long.parseLong(cut.get(0).split(",")[1]))
                .isEqualTo(kept.codePointCount(0, kept.length()));
    }

    /**
     * Copies a generated day's file to {@code <landing>/<day>/weblogs/} and points the landing root
     * at the day.
     */
    private Configuration oneDay(Configuration conf, Path file) throws Exception {
        Path folder = Files.createDirectories(dayFolder(file));
        if (!Files.exists(folder.resolve(file.getFileName()))) {
            Files.copy(file, folder.resolve(file.getFileName()));
        }
        Configuration day = new Configuration(conf);
        day.set(TributaryOptions.LANDING_ROOT, folder.getParent().toString());
        return day;
    }

    private Path dayFolder(Path generatedFile) {
        String day =
                generatedFile
                        .getFileName()
                        .toString()
                        .replaceAll("^access-(\\d{4}-\\d{2}-\\d{2}).*$", "$1");
        return dir.resolve("landing").resolve(day).resolve("weblogs");
    }

    private static List<List<String>> snapshot(Lake lake) throws Exception {
        List<List<String>> tables = new ArrayList<>();
        tables.add(
                lake.rows(
                        "SELECT line, source_file, line_number FROM bronze.weblogs_raw ORDER BY source_file, line_number"));
        tables.add(
                lake.rows(
                        "SELECT client_ip, ts, endpoint, status, `bytes`, `date`, source_file, line_number FROM silver.weblogs_requests ORDER BY source_file, line_number"));
        tables.add(
                lake.rows(
                        "SELECT raw_line, reason, source_file, line_number FROM silver.weblogs_rejects ORDER BY source_file, line_number"));
        for (String gold : WeblogsPipeline.GOLD) {
            tables.add(lake.rows("SELECT * FROM " + gold + " ORDER BY 1, 2"));
        }
        return tables;
    }

    private static void assertMatchesReference(Lake lake, ReferenceWeblogs ref) throws Exception {
        assertThat(lake.count("bronze.weblogs_raw")).isEqualTo(ref.lines);
        assertThat(lake.count("silver.weblogs_requests")).isEqualTo(ref.valid);
        assertThat(lake.count("silver.weblogs_rejects"))
                .as("bronze = requests + rejects")
                .isEqualTo(ref.lines - ref.valid);

        assertThat(
                        lake.rows(
                                "SELECT `rank`, client_ip, requests FROM gold.weblogs_top_client_ips ORDER BY `rank`"))
                .containsExactlyElementsOf(ReferenceWeblogs.top(ref.requestsByIp, 10));
        assertThat(
                        lake.rows(
                                "SELECT `rank`, endpoint, requests FROM gold.weblogs_top_endpoints ORDER BY `rank`"))
                .containsExactlyElementsOf(ReferenceWeblogs.top(ref.requestsByEndpoint, 6));

        String firstDate = ref.dates.stream().min(Comparable::compareTo).orElseThrow().toString();
        String lastDate = ref.dates.stream().max(Comparable::compareTo).orElseThrow().toString();
        assertThat(lake.rows("SELECT * FROM gold.weblogs_summary"))
                .containsExactly(
                        String.join(
                                ",",
                                Long.toString(ref.valid),
                                Integer.toString(ref.requestsByIp.size()),
                                Integer.toString(ref.dates.size()),
                                firstDate,
                                lastDate,
                                Long.toString(ref.lines - ref.valid)));

        List<String> expectedBytes = new ArrayList<>();
        for (String cls : List.of("1xx", "2xx", "3xx", "4xx", "5xx", "all")) {
            long[] b = ref.bytesByClass.get(cls);
            expectedBytes.add(
                    b == null
                            ? cls + ",0,0,null,null,null"
                            : String.format(
                                    "%s,%d,%d,%d,%d,%.4f",
                                    cls, b[0], b[1], b[2], b[3], (double) b[1] / b[0]));
        }
        assertThat(
                        lake.rows(
                                "SELECT status_class, requests, total_bytes, max_bytes, min_bytes, "
                                        + "CAST(ROUND(avg_bytes, 4) AS DECIMAL(20, 4)) FROM gold.weblogs_bytes_by_status_class ORDER BY status_class"))
                .containsExactlyElementsOf(expectedBytes);

        List<String> weekdays =
                List.of(
                        "Monday",
                        "Tuesday",
                        "Wednesday",
                        "Thursday",
                        "Friday",
                        "Saturday",
                        "Sunday");
        long max =
                weekdays.stream()
                        .mapToLong(d -> ref.clientErrorsByWeekday.getOrDefault(d, 0L))
                        .max()
                        .orElse(0);
        String busiest =
                weekdays.stream()
                        .filter(d -> ref.clientErrorsByWeekday.getOrDefault(d, 0L) == max)
                        .findFirst()
                        .orElseThrow();
        List<String> expectedWeekdays = new ArrayList<>();
        for (String d : weekdays) {
            long n = ref.clientErrorsByWeekday.getOrDefault(d, 0L);
            expectedWeekdays.add(d + "," + n + "," + (d.equals(busiest) && n > 0));
        }
        assertThat(
                        lake.rows(
                                "SELECT weekday, client_errors, is_max FROM gold.weblogs_client_errors_by_weekday ORDER BY iso_weekday"))
                .containsExactlyElementsOf(expectedWeekdays);
    }
}
