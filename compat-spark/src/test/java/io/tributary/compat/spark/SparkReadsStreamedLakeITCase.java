package io.tributary.compat.spark;

import io.tributary.pipelines.testutils.TributaryProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Spark with delta-spark reads what streaming jobs leave: gold tables kept current by copy-on-write
 * merges of retractions, CDC tables upserted by key and their SCD2 history — all of it written by
 * {@code tributary demo} — and, after {@code tributary maintain optimize}, the same tables
 * compacted ({@code dataChange = false} rewrites). Row for row as Tributary reads them.
 */
class SparkReadsStreamedLakeITCase extends SparkReadsLikeTributary {
    @TempDir static Path dir;

    static final List<LakeTableShapes.Table> TABLES = tables();

    private static List<LakeTableShapes.Table> tables() {
        List<LakeTableShapes.Table> tables = new ArrayList<>(LakeTableShapes.WEBLOGS);
        tables.addAll(LakeTableShapes.ORDERS);
        return tables;
    }

    @BeforeAll
    static void streamWithTributaryThenReadWithBoth() throws Exception {
        TributaryProcess tributary = TributaryProcess.fromBuild();
        String lake = dir.resolve("lake").toString();
        tributary.run(
                "demo",
                "--pipelines",
                "weblogs,cdc",
                "--lines",
                "3000",
                "--stream-lines",
                "2000",
                "--order-changes",
                "200",
                "-D",
                "tributary.lake.root=" + lake,
                "-D",
                "tributary.landing.root=" + dir.resolve("landing"));
        tributary.run(
                "maintain",
                "optimize",
                "--all",
                "--target-file-size",
                "1mb",
                "-D",
                "tributary.lake.root=" + lake);
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
