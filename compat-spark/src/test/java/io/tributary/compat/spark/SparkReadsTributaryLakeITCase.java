package io.tributary.compat.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.testutils.TributaryProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Apache Spark with delta-spark reads the lake Tributary's job jar writes, row for row as Tributary
 * itself reads it: a partitioned table, tables rewritten by a rerun (remove and add actions in one
 * commit), Kernel-written log checkpoints and per-file statistics.
 */
class SparkReadsTributaryLakeITCase extends SparkReadsLikeTributary {
    @TempDir static Path dir;

    private static String lake;

    static final List<LakeTableShapes.Table> TABLES = LakeTableShapes.WEBLOGS;

    @BeforeAll
    static void writeWithTributaryAndReadWithBoth() throws Exception {
        TributaryProcess tributary = TributaryProcess.fromBuild();
        lake = dir.resolve("lake").toString();
        String landing = dir.resolve("landing").toString();
        tributary.run(
                "generate",
                "weblogs",
                "--lines",
                "6000",
                "--days",
                "3",
                "--seed",
                "11",
                "--out",
                dir.resolve("landing").resolve("weblogs").toString());
        // Two runs: the second replaces every table, and with a checkpoint every commit Spark has
        // to read Kernel's checkpoint Parquet as well as the JSON commits.
        for (int run = 0; run < 2; run++) {
            tributary.run(
                    "run",
                    "weblogs",
                    "--mode",
                    "batch",
                    "-D",
                    "tributary.lake.root=" + lake,
                    "-D",
                    "tributary.landing.root=" + landing,
                    "-D",
                    "tributary.sink.log-checkpoint-interval=1",
                    "-D",
                    "tributary.sink.target-file-size=32kb");
        }
        tributaryRows = BothEngines.tributaryRows(tributary, TABLES, lake);
        spark = BothEngines.spark(dir);
        sparkRows = BothEngines.sparkRows(spark, TABLES, lake);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TABLES")
    void sparkReadsEveryRowAsTributaryDoes(LakeTableShapes.Table table) {
        assertSparkReadsAsTributaryDoes(table);
    }

    @Test
    void sparkSeesThePartitioningHistoryAndCheckpoints() throws Exception {
        String requests = lake + "/silver/weblogs_requests";
        Row detail = spark.sql("DESCRIBE DETAIL delta.`" + requests + "`").first();
        assertThat(detail.<String>getAs("format")).isEqualTo("delta");
        assertThat(detail.<scala.collection.Seq<String>>getAs("partitionColumns").mkString(","))
                .isEqualTo("date,origin");
        assertThat(detail.<Integer>getAs("minReaderVersion")).isEqualTo(1);
        assertThat(detail.<Long>getAs("numFiles"))
                .as("32 KB files: several per partition")
                .isGreaterThan(3L);

        List<Long> versions =
                spark.sql("DESCRIBE HISTORY delta.`" + requests + "`").collectAsList().stream()
                        .map(r -> r.<Long>getAs("version"))
                        .sorted()
                        .collect(Collectors.toList());
        assertThat(versions).containsExactly(0L, 1L);
        try (Stream<Path> log = Files.list(Path.of(requests, "_delta_log"))) {
            assertThat(log.map(p -> p.getFileName().toString()))
                    .contains(String.format("%020d.checkpoint.parquet", 1));
        }
        // Version 0 (the first run) and version 1 (the rerun that replaced it) hold the same rows.
        long before =
                spark.sql("SELECT COUNT(*) FROM delta.`" + requests + "` VERSION AS OF 0")
                        .first()
                        .getLong(0);
        long now = spark.read().format("delta").load(requests).count();
        assertThat(before)
                .isEqualTo(now)
                .isEqualTo(tributaryRows.get("silver.weblogs_requests").size());
    }
}
