package io.tributary.pipelines.retail.live;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

/**
 * The streaming job's model: {@code retail_full_similarity}, {@code retail_full_recommended} and
 * {@code retail_quality}, the views the gold statements read, kept by {@link LiveModelOperator}
 * instead of the batch SQL. That SQL as a streaming query retracts and re-emits, for every new
 * interaction, each co-count pair, re-ranked list and recommendation it touches (docs/retail.md);
 * the operator marks them stale and recomputes each once per checkpoint.
 *
 * <pre>
 *   retail_model_events (changelog: person_id, item_id, purchased)
 *        |
 *   [retail-live-model] (parallelism 1, state: interactions + what the sink holds)
 *        |-- main output ----> retail_full_similarity  --> gold.retail_item_similarity
 *        |-- side output ----> retail_full_recommended --> gold.retail_recommendations
 *        '-- side output ----> retail_quality          --> gold.retail_recommendation_quality
 * </pre>
 */
@Internal
public final class RetailLiveModel {
    /** The view of unique events the model reads (view.retail_model_events). */
    public static final String EVENTS = "retail_model_events";

    private RetailLiveModel() {}

    public static void register(StreamTableEnvironment tEnv, ReadableConfig conf) {
        DataStream<Row> events = tEnv.toChangelogStream(tEnv.from(EVENTS));
        SingleOutputStreamOperator<Row> similarity =
                events.transform(
                                "retail live model",
                                LiveModelOperator.SIMILARITY,
                                new LiveModelOperator(ModelSettings.of(conf)))
                        .uid("retail-live-model")
                        .setParallelism(1)
                        .setMaxParallelism(1);
        tEnv.createTemporaryView("retail_full_similarity", tEnv.fromChangelogStream(similarity));
        tEnv.createTemporaryView(
                "retail_full_recommended",
                tEnv.fromChangelogStream(
                        similarity.getSideOutput(LiveModelOperator.RECOMMENDATIONS)));
        tEnv.createTemporaryView(
                "retail_quality",
                tEnv.fromChangelogStream(similarity.getSideOutput(LiveModelOperator.QUALITY)));
    }
}
