package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.Landing;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill's gold job, planned once and kept, run again by a later backfill of the same lake with
 * new input, on the embedded cluster: the tables it writes are those a planned job writes.
 */
class ReusedPlansITCase {
    @TempDir Path dir;

    private final WeblogsPipeline pipeline = new WeblogsPipeline();
    private String buildBefore;

    @BeforeEach
    void aBuildOfItsOwn() {
        buildBefore = System.getProperty(ReusedPlans.BUILD_PROPERTY);
        // No graph of another test or run matches this build.
        System.setProperty(ReusedPlans.BUILD_PROPERTY, "reused-plans-it-" + UUID.randomUUID());
    }

    @AfterEach
    void theBuildBefore() {
        if (buildBefore == null) {
            System.clearProperty(ReusedPlans.BUILD_PROPERTY);
        } else {
            System.setProperty(ReusedPlans.BUILD_PROPERTY, buildBefore);
        }
    }

    private void backfill(Configuration conf) throws Exception {
        new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                .run(pipeline, PipelineMode.BATCH);
    }

    @Test
    void aLaterBackfillRunsTheKeptGoldJobAndWritesWhatAPlannedOneWrites() throws Exception {
        Configuration reused = Landing.under(dir.resolve("reused"));
        Path first = dir.resolve("day-a.log");
        Path second = dir.resolve("day-b.log");
        new WeblogGenerator(11).generateOneFile(first, 3_000, 3);
        new WeblogGenerator(12).generateOneFile(second, 2_000, 2);

        Landing.land(reused, "weblogs", List.of(first));
        backfill(reused);
        int reusedBefore = ReusedPlans.reusedJobs();
        Landing.land(reused, "weblogs", List.of(second));
        backfill(reused);

        assertThat(ReusedPlans.reusedJobs())
                .as("the second backfill's gold job was the first one's graph")
                .isEqualTo(reusedBefore + 1);
        System.clearProperty(ReusedPlans.BUILD_PROPERTY);
        Configuration planned = Landing.under(dir.resolve("planned"));
        Landing.land(planned, "weblogs", List.of(first, second));
        backfill(planned);
        assertThat(goldOf(reused))
                .as("gold over both days, as a backfill that planned its gold job writes it")
                .isEqualTo(goldOf(planned))
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isNotEmpty());
    }

    @Test
    void anotherSettingPlansTheJobAgain() throws Exception {
        Configuration conf = Landing.under(dir);
        Path input = dir.resolve("day-a.log");
        new WeblogGenerator(11).generateOneFile(input, 1_000, 2);
        Landing.land(conf, "weblogs", List.of(input));
        backfill(conf);
        int reusedBefore = ReusedPlans.reusedJobs();

        conf.set(TributaryOptions.SINK_TARGET_FILE_SIZE, MemorySize.parse("64kb"));
        backfill(conf);

        assertThat(ReusedPlans.reusedJobs()).isEqualTo(reusedBefore);
    }

    private Map<String, List<String>> goldOf(Configuration conf) throws Exception {
        Lake lake = new Lake(conf);
        Map<String, List<String>> gold = new TreeMap<>();
        for (LakeTable table : pipeline.tables()) {
            if (table.layer().equals("gold")) {
                List<String> rows = lake.rows("SELECT * FROM " + table.qualifiedName());
                gold.put(table.qualifiedName(), rows.stream().sorted().toList());
            }
        }
        return gold;
    }
}
