package io.tributary.compat.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.pipelines.testutils.TributaryProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Every row of a lake's tables as text, read once by Tributary and once by Spark with delta-spark.
 */
final class BothEngines {
    private BothEngines() {}

    static SparkSession spark(Path dir) {
        return SparkSession.builder()
                .master("local[2]")
                .appName("tributary-compat")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config(
                        "spark.sql.catalog.spark_catalog",
                        "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.warehouse.dir", dir.resolve("spark-warehouse").toString())
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    /** Table name → its rows as Tributary's {@code sql} command reads them. */
    static Map<String, List<String>> tributaryRows(
            TributaryProcess tributary, List<LakeTableShapes.Table> tables, String lake)
            throws Exception {
        String out =
                tributary.run(
                        "sql",
                        LakeTableShapes.flinkQuery(tables),
                        "--format",
                        "json",
                        "-D",
                        "tributary.lake.root=" + lake,
                        "-D",
                        "table.local-time-zone=UTC");
        ObjectMapper json = new ObjectMapper();
        List<String[]> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("{")) {
                JsonNode node = json.readTree(line);
                rows.add(new String[] {node.get("tbl").asText(), node.get("txt").asText()});
            }
        }
        return byTable(rows);
    }

    /** Table name → its rows as Spark reads the same folders. */
    static Map<String, List<String>> sparkRows(
            SparkSession spark, List<LakeTableShapes.Table> tables, String lake) {
        List<String[]> rows = new ArrayList<>();
        for (Row row : spark.sql(LakeTableShapes.sparkQuery(tables, lake)).collectAsList()) {
            rows.add(new String[] {row.getString(0), row.getString(1)});
        }
        return byTable(rows);
    }

    private static Map<String, List<String>> byTable(List<String[]> rows) {
        Map<String, List<String>> tables = new HashMap<>();
        rows.forEach(r -> tables.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]));
        return tables;
    }
}
