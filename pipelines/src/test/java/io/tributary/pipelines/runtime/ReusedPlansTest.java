package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.metrics.MetricsPipeline;
import io.tributary.pipelines.runtime.codegen.KeptResults;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.jobgraph.JobVertexID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReusedPlansTest {
    private static final List<Set<String>> NONE_LEFT = List.of(Set.of());

    @TempDir Path folder;

    private final WeblogsPipeline weblogs = new WeblogsPipeline();

    private ReusedPlans plans(String build) {
        return new ReusedPlans(KeptResults.in(folder), build);
    }

    private Pipeline.Stage gold() {
        return weblogs.stages(PipelineMode.BATCH).get(1);
    }

    private Optional<KeptResults.Key> key(
            ReusedPlans plans,
            Pipeline pipeline,
            Pipeline.Stage stage,
            List<Set<String>> left,
            Configuration conf) {
        return plans.keyOf(pipeline, List.of(stage), left, "weblogs-2", conf);
    }

    private static Configuration conf(int parallelism) {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, "/lake");
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        return conf;
    }

    @Test
    void aJobHasOneKeyWhichChangesWithAnythingItsPlanningReads() {
        ReusedPlans plans = plans("build-1");
        String key = goldKey(plans).toString();

        assertThat(key(plans, weblogs, gold(), NONE_LEFT, conf(2)).orElseThrow().toString())
                .isEqualTo(key);
        Configuration otherLake = conf(2);
        otherLake.set(TributaryOptions.LAKE_ROOT, "/other-lake");
        assertThat(
                        Stream.of(
                                        key(plans("build-2"), weblogs, gold(), NONE_LEFT, conf(2)),
                                        key(plans, weblogs, gold(), NONE_LEFT, conf(4)),
                                        key(plans, weblogs, gold(), NONE_LEFT, otherLake),
                                        key(
                                                plans,
                                                weblogs,
                                                gold(),
                                                List.of(Set.of("gold.weblogs_summary")),
                                                conf(2)),
                                        key(
                                                plans,
                                                weblogs,
                                                Pipeline.Stage.derived(
                                                        "silver → gold",
                                                        gold().statements().subList(0, 2)),
                                                NONE_LEFT,
                                                conf(2)),
                                        plans.keyOf(
                                                weblogs,
                                                List.of(gold()),
                                                NONE_LEFT,
                                                "weblogs-3",
                                                conf(2)))
                                .map(k -> k.orElseThrow().toString()))
                .as("another build, setting, lake, stream's claim, statement list or job name")
                .doesNotContain(key)
                .doesNotHaveDuplicates();
    }

    @Test
    void whatCouldPlanDifferentlyFromTheSameStatementsIsNeverKept() {
        ReusedPlans plans = plans("build-1");
        Configuration secret = conf(2);
        secret.setString("s3.secret-key", "abc");

        assertThat(
                        key(
                                plans,
                                weblogs,
                                weblogs.stages(PipelineMode.BATCH).get(0),
                                NONE_LEFT,
                                conf(2)))
                .as("a stage that reads the run's inputs")
                .isEmpty();
        assertThat(derivedKey(plans, "INSERT INTO gold.weblogs_summary SELECT current_timestamp"))
                .as("a temporal function: the query's start is planned in")
                .isEmpty();
        assertThat(
                        derivedKey(
                                plans,
                                "INSERT INTO silver.weblogs_requests SELECT * FROM"
                                        + " silver.weblogs_requests"))
                .as("a table scoped to the run's inputs: they are planned in")
                .isEmpty();
        assertThat(key(plans, weblogs, gold(), NONE_LEFT, secret))
                .as("a secret setting would be written into the folder")
                .isEmpty();
        MetricsPipeline metrics = new MetricsPipeline(conf(2), List.of());
        assertThat(
                        key(
                                plans,
                                metrics,
                                metrics.stages(PipelineMode.BATCH).get(1),
                                NONE_LEFT,
                                conf(2)))
                .as("views registered from data (the SLA definitions)")
                .isEmpty();
    }

    /** The key of a derived stage of the web logs with one statement, {@code sql}. */
    private Optional<KeptResults.Key> derivedKey(ReusedPlans plans, String sql) {
        return key(
                plans,
                weblogs,
                Pipeline.Stage.derived("derived", List.of(sql)),
                NONE_LEFT,
                conf(2));
    }

    private KeptResults.Key goldKey(ReusedPlans plans) {
        return key(plans, weblogs, gold(), NONE_LEFT, conf(2)).orElseThrow();
    }

    @Test
    void aKeptGraphIsReadBackWithAJobIdOfItsOwn() throws Exception {
        ReusedPlans plans = plans("build-1");
        KeptResults.Key key = goldKey(plans);
        JobVertex vertex = new JobVertex("aggregate", new JobVertexID());
        JobGraph graph = new JobGraph(new JobID(), "gold", vertex);

        assertThat(plans.read(key)).as("nothing kept yet").isEmpty();
        plans.keep(key, graph);
        JobGraph read = plans.read(key).orElseThrow();

        assertThat(read.getName()).isEqualTo("gold");
        assertThat(read.getVertices()).extracting(JobVertex::getID).containsExactly(vertex.getID());
        assertThat(read.getJobID()).isNotEqualTo(graph.getJobID());
        assertThat(plans("build-1").read(key)).as("another JVM of the build reads it").isPresent();
    }

    @Test
    void aDamagedGraphIsPlannedAgain() throws Exception {
        ReusedPlans plans = plans("build-1");
        KeptResults.Key key = goldKey(plans);
        plans.keep(key, new JobGraph(new JobID(), "gold", new JobVertex("v")));
        Path kept = folder.resolve("plans").resolve(key.toString());
        byte[] bytes = Files.readAllBytes(kept);
        bytes[bytes.length - 1] ^= 1;
        Files.write(kept, bytes);

        assertThat(plans.read(key)).isEmpty();
    }
}
