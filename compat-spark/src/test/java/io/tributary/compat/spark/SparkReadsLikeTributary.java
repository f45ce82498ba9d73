package io.tributary.compat.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;

/**
 * What the compatibility tests share: a Spark session, and every table's rows as both engines read
 * them.
 */
abstract class SparkReadsLikeTributary {
    static SparkSession spark;
    static Map<String, List<String>> tributaryRows;
    static Map<String, List<String>> sparkRows;

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }

    /** Spark + delta-spark reads the same rows of {@code table} as Tributary does, and some. */
    static void assertSparkReadsAsTributaryDoes(LakeTableShapes.Table table) {
        List<String> ours = tributaryRows.getOrDefault(table.name, List.of());
        assertThat(ours).as("Tributary's own rows of " + table).isNotEmpty();
        assertThat(sparkRows.getOrDefault(table.name, List.of()))
                .as("rows of " + table + " read by Spark + delta-spark")
                .containsExactlyInAnyOrderElementsOf(ours);
    }
}
