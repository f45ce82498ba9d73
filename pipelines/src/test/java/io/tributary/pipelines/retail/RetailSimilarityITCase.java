package io.tributary.pipelines.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.Landing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The similarity SQL against published values: Swing's as pinned by the example. */
class RetailSimilarityITCase {
    @TempDir Path dir;

    @Test
    void swingGivesThePublishedScoresForItsExample() throws Exception {
        // Five users' items; the last has 4 distinct items, over maxUserBehavior 3.
        List<List<String>> users =
                List.of(
                        List.of("10", "11", "12"),
                        List.of("13", "12"),
                        List.of("10", "11", "12"),
                        List.of("13", "12"),
                        List.of("12", "10", "11", "12", "13"));
        List<String> lines = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            for (String item : users.get(u)) {
                lines.add(
                        String.format(
                                "{\"event_id\":\"e%d\",\"person_id\":\"u%d\",\"item_id\":\"%s\","
                                        + "\"event_time\":\"2026-01-01T10:00:00Z\"}",
                                lines.size(), u, item));
            }
        }
        Configuration conf = conf(lines);
        conf.set(RetailOptions.MIN_ITEMS_PER_PERSON, 2);
        conf.set(RetailOptions.MAX_ITEMS_PER_PERSON, 3);
        run(conf);

        List<String> neighbours =
                new Lake(conf)
                        .rows(
                                "SELECT similar_item_id, similarity_rank, score FROM"
                                        + " gold.retail_item_similarity WHERE algorithm = 'swing' AND item_id = '12' ORDER BY similarity_rank");
        assertThat(neighbours).hasSize(3);
        assertThat(neighbours.get(0)).startsWith("13,1,");
        assertThat(neighbours.get(1)).startsWith("10,2,");
        assertThat(neighbours.get(2)).as("a tie, broken by item id").startsWith("11,3,");
        assertThat(score(neighbours.get(0))).isCloseTo(0.09134833828228624, within(1e-12));
        assertThat(score(neighbours.get(1))).isCloseTo(0.058845768947156235, within(1e-12));
        assertThat(score(neighbours.get(2))).isCloseTo(0.058845768947156235, within(1e-12));
    }

    private static double score(String row) {
        return Double.parseDouble(row.substring(row.lastIndexOf(',') + 1));
    }

    private Configuration conf(List<String> lines) throws Exception {
        Path landing = Files.createDirectories(dir.resolve("landing").resolve(RetailPipeline.NAME));
        Files.write(landing.resolve("events.json"), lines);
        return Landing.under(dir);
    }

    private static void run(Configuration conf) throws Exception {
        new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                .run(new RetailPipeline(conf), PipelineMode.BATCH);
    }
}
