package io.tributary.compat.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.testutils.SharedDatasets;
import io.tributary.pipelines.testutils.TributaryProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark yardstick of {@code tributary bench weblogs --spark} does the work Tributary's backfill
 * does: on the real 2015 sample, its gold summary has the answers of Tributary's.
 */
class SparkWeblogsBackfillITCase {
    @TempDir static Path dir;

    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = BothEngines.spark(dir);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void itsGoldSummaryAnswersAsTributarysDoes() throws Exception {
        Path sample = SharedDatasets.weblogSample();
        Path landing = Files.createDirectories(dir.resolve("landing").resolve("weblogs"));
        Files.copy(sample, landing.resolve(sample.getFileName()));
        Path sparkLake = dir.resolve("spark-lake");

        // Given relative, as the bench's default scratch folder is: Spark must still see paths.
        SparkWeblogsBackfill.backfill(
                spark, landing, Path.of("").toAbsolutePath().relativize(sparkLake));

        TributaryProcess tributary = TributaryProcess.fromBuild();
        String lake = dir.resolve("lake").toString();
        String[] settings = {
            "-D",
            "tributary.lake.root=" + lake,
            "-D",
            "tributary.landing.root=" + landing.getParent()
        };
        tributary.run(concat(new String[] {"run", "weblogs"}, settings));
        String summary =
                "SELECT total_requests, distinct_client_ips, days_represented, rejected_lines"
                        + " FROM gold.weblogs_summary";
        List<String> ours =
                List.of(
                        tributary
                                .run(
                                        concat(
                                                new String[] {"sql", summary, "--format", "csv"},
                                                settings))
                                .trim()
                                .split("\n"));
        Row theirs =
                spark.sql(
                                summary.replace(
                                        "gold.weblogs_summary",
                                        delta(sparkLake, "gold/weblogs_summary")))
                        .first();

        assertThat(ours.get(ours.size() - 1))
                .isEqualTo(
                        theirs.getLong(0)
                                + ","
                                + theirs.getLong(1)
                                + ","
                                + theirs.getLong(2)
                                + ","
                                + theirs.getLong(3));
        assertThat(
                        spark.sql("SELECT COUNT(*) FROM " + delta(sparkLake, "bronze/weblogs_raw"))
                                .first()
                                .getLong(0))
                .isEqualTo(Files.readAllLines(sample).size());
    }

    private static String delta(Path lake, String table) {
        return "delta.`" + lake.resolve(table) + "`";
    }

    private static String[] concat(String[] a, String[] b) {
        String[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
