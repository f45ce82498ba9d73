package io.tributary.pipelines.retail;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unbounded retail job plans — its live reads of silver are continuous, so the first-arrival
 * dedup ranks a retraction stream (the bounded runs of RetailStreamingITCase read silver once) —
 * and its operators keep their uids: the live model's state and the sinks' pending files are
 * matched to operators by uid when a savepoint restores, so a changed uid silently loses them.
 */
class RetailStreamingPlanTest {
    @TempDir Path dir;

    @Test
    void theUnboundedJobPlansWithItsOperatorsUids() throws Exception {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
        conf.set(TributaryOptions.KAFKA_BOOTSTRAP_SERVERS, "localhost:9");

        assertThat(
                        new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                                .streamingOperatorUids(new RetailPipeline(conf)))
                .containsExactly(
                        "delta-changelog-writer-default_catalog.gold.retail_daily_category_kpis",
                        "delta-changelog-writer-default_catalog.gold.retail_daily_kpis",
                        "delta-changelog-writer-default_catalog.gold.retail_item_similarity",
                        "delta-changelog-writer-default_catalog.gold.retail_recommendation_quality",
                        "delta-changelog-writer-default_catalog.gold.retail_recommendations",
                        "delta-committer-default_catalog.bronze.retail_events_raw",
                        "delta-committer-default_catalog.gold.retail_daily_category_kpis",
                        "delta-committer-default_catalog.gold.retail_daily_kpis",
                        "delta-committer-default_catalog.gold.retail_item_similarity",
                        "delta-committer-default_catalog.gold.retail_recommendation_quality",
                        "delta-committer-default_catalog.gold.retail_recommendations",
                        "delta-committer-default_catalog.silver.retail_events",
                        "delta-committer-default_catalog.silver.retail_rejects",
                        "delta-end-default_catalog.bronze.retail_events_raw",
                        "delta-end-default_catalog.gold.retail_daily_category_kpis",
                        "delta-end-default_catalog.gold.retail_daily_kpis",
                        "delta-end-default_catalog.gold.retail_item_similarity",
                        "delta-end-default_catalog.gold.retail_recommendation_quality",
                        "delta-end-default_catalog.gold.retail_recommendations",
                        "delta-end-default_catalog.silver.retail_events",
                        "delta-end-default_catalog.silver.retail_rejects",
                        "delta-writer-default_catalog.bronze.retail_events_raw",
                        "delta-writer-default_catalog.silver.retail_events",
                        "delta-writer-default_catalog.silver.retail_rejects",
                        "retail-kafka-source",
                        "retail-live-model");
    }
}
