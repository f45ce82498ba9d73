package io.tributary.compat.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.pipelines.testutils.TributaryProcess;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apache Spark with delta-spark reads the lake Tributary's job jar writes, row for row as
 * Tributary itself reads it: a partitioned table, tables rewritten by a rerun (remove and add
 * actions in one commit), Kernel-written log checkpoints and per-file statistics.
 */
class SparkReadsTributaryLakeITCase {
    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static String lake;
    private static Map<String, List<String>> tributaryRows;
    private static Map<String, List<String>> sparkRows;

    static final List<LakeTableShapes.Table> TABLES = LakeTableShapes.WEBLOGS;

    @BeforeAll
    static void writeWithTributaryAndReadWithBoth() throws Exception {
        TributaryProcess tributary = TributaryProcess.fromBuild();
        lake = dir.resolve("lake").toString();
        String landing = dir.resolve("landing").toString();
        tributary.run("generate", "weblogs", "--lines", "6000", "--days", "3", "--seed", "11",
                "--out", dir.resolve("landing").resolve("weblogs").toString());
        // Two runs: the second replaces every table, and with a checkpoint every commit Spark has
        // to read Kernel's checkpoint Parquet as well as the JSON commits.
        for (int run = 0; run < 2; run++) {
            tributary.run("run", "weblogs", "--mode", "batch",
                    "-D", "tributary.lake.root=" + lake, "-D", "tributary.landing.root=" + landing,
                    "-D", "tributary.sink.log-checkpoint-interval=1", "-D", "tributary.sink.target-file-size=32kb");
        }
        tributaryRows = byTable(parseJsonLines(tributary.run("sql", LakeTableShapes.flinkQuery(TABLES),
                "--format", "json", "-D", "tributary.lake.root=" + lake, "-D", "table.local-time-zone=UTC")));

        spark = SparkSession.builder()
                .master("local[2]")
                .appName("tributary-compat")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.warehouse.dir", dir.resolve("spark-warehouse").toString())
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        List<String[]> rows = new ArrayList<>();
        for (Row row : spark.sql(LakeTableShapes.sparkQuery(TABLES, lake)).collectAsList()) {
            rows.add(new String[] {row.getString(0), row.getString(1)});
        }
        sparkRows = byTable(rows);
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TABLES")
    void sparkReadsEveryRowAsTributaryDoes(LakeTableShapes.Table table) {
        List<String> ours = tributaryRows.getOrDefault(table.name, List.of());
        assertThat(ours).as("Tributary's own rows of " + table).isNotEmpty();
        assertThat(sparkRows.getOrDefault(table.name, List.of()))
                .as("rows of " + table + " read by Spark + delta-spark")
                .containsExactlyInAnyOrderElementsOf(ours);
    }

    @Test
    void sparkSeesThePartitioningHistoryAndCheckpoints() throws Exception {
        String requests = lake + "/silver/weblogs_requests";
        Row detail = spark.sql("DESCRIBE DETAIL delta.`" + requests + "`").first();
        assertThat(detail.<String>getAs("format")).isEqualTo("delta");
        assertThat(detail.<scala.collection.Seq<String>>getAs("partitionColumns").mkString(","))
                .isEqualTo("date,origin");
        assertThat(detail.<Integer>getAs("minReaderVersion")).isEqualTo(1);
        assertThat(detail.<Long>getAs("numFiles")).as("32 KB files: several per partition").isGreaterThan(3L);

        List<Long> versions = spark.sql("DESCRIBE HISTORY delta.`" + requests + "`").collectAsList().stream()
                .map(r -> r.<Long>getAs("version")).sorted().collect(Collectors.toList());
        assertThat(versions).containsExactly(0L, 1L);
        try (Stream<Path> log = Files.list(Path.of(requests, "_delta_log"))) {
            assertThat(log.map(p -> p.getFileName().toString()))
                    .contains(String.format("%020d.checkpoint.parquet", 1));
        }
        // Version 0 (the first run) and version 1 (the rerun that replaced it) hold the same rows.
        long before = spark.sql("SELECT COUNT(*) FROM delta.`" + requests + "` VERSION AS OF 0").first().getLong(0);
        long now = spark.read().format("delta").load(requests).count();
        assertThat(before).isEqualTo(now).isEqualTo(tributaryRows.get("silver.weblogs_requests").size());
    }

    private static List<String[]> parseJsonLines(String out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String[]> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("{")) {
                JsonNode node = json.readTree(line);
                rows.add(new String[] {node.get("tbl").asText(), node.get("txt").asText()});
            }
        }
        return rows;
    }

    private static Map<String, List<String>> byTable(List<String[]> rows) {
        Map<String, List<String>> tables = new HashMap<>();
        rows.forEach(r -> tables.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]));
        return tables;
    }
}
