package io.tributary.compat.spark;

import io.tributary.pipelines.testutils.TributaryProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Spark with delta-spark reads the retail gold tables row for row as Tributary does: decimals, and
 * the recommendations' ARRAY columns, which the connector writes as Parquet's three-level lists.
 */
class SparkReadsRetailLakeITCase extends SparkReadsLikeTributary {
    @TempDir static Path dir;

    static final List<LakeTableShapes.Table> TABLES = LakeTableShapes.RETAIL;

    @BeforeAll
    static void writeWithTributaryAndReadWithBoth() throws Exception {
        TributaryProcess tributary = TributaryProcess.fromBuild();
        String lake = dir.resolve("lake").toString();
        tributary.run(
                "generate",
                "retail",
                "--events",
                "3000",
                "--persons",
                "200",
                "--items",
                "120",
                "--days",
                "10",
                "--seed",
                "4",
                "--out",
                dir.resolve("landing").resolve("retail").toString());
        tributary.run(
                "run",
                "retail",
                "--mode",
                "batch",
                "-D",
                "tributary.lake.root=" + lake,
                "-D",
                "tributary.landing.root=" + dir.resolve("landing"));
        tributaryRows = BothEngines.tributaryRows(tributary, TABLES, lake);
        spark = BothEngines.spark(dir);
        sparkRows = BothEngines.sparkRows(spark, TABLES, lake);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TABLES")
    void sparkReadsEveryRowAsTributaryDoes(LakeTableShapes.Table table) {
        assertSparkReadsAsTributaryDoes(table);
    }
}
