package io.tributary.pipelines.retail.live;

import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the retail {@link IncrementalModel} from a changelog of unique events ({@code person_id,
 * item_id, purchased}) and emits, just before each checkpoint barrier and at the end of a bounded
 * input, the similarity rows (main output) and recommendation rows ({@link #RECOMMENDATIONS}) that
 * changed. Emitting before the barrier puts every event the checkpoint covers into the commit it
 * makes: a person's recommendation follows an event within one checkpoint interval plus the
 * refresh.
 *
 * <p>One instance holds the whole model (parallelism 1): a cosine score needs both items' pool
 * sizes and a recommendation every seen item's neighbours, which partitioned instances would have
 * to exchange (docs/retail.md, Streaming).
 */
@Internal
public final class LiveModelOperator extends AbstractStreamOperator<Row>
        implements OneInputStreamOperator<Row, Row>, BoundedOneInput {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LiveModelOperator.class);

    /** {@code retail_full_similarity}'s columns. */
    public static final TypeInformation<Row> SIMILARITY =
            Types.ROW_NAMED(
                    new String[] {
                        "item_id", "similar_item_id", "score", "similarity_rank", "algorithm"
                    },
                    Types.STRING,
                    Types.STRING,
                    Types.DOUBLE,
                    Types.INT,
                    Types.STRING);

    /** {@code retail_full_recommended}'s columns. */
    public static final TypeInformation<Row> RECOMMENDATION =
            Types.ROW_NAMED(
                    new String[] {
                        "person_id",
                        "algorithm",
                        "items_seen",
                        "items_recommended",
                        "scores",
                        "because",
                        "strategy"
                    },
                    Types.STRING,
                    Types.STRING,
                    Types.OBJECT_ARRAY(Types.STRING),
                    Types.OBJECT_ARRAY(Types.STRING),
                    Types.OBJECT_ARRAY(Types.DOUBLE),
                    Types.OBJECT_ARRAY(Types.STRING),
                    Types.STRING);

    /** {@code retail_quality}'s columns. */
    public static final TypeInformation<Row> QUALITY_ROW =
            Types.ROW_NAMED(
                    new String[] {
                        "algorithm",
                        "k",
                        "precision_at_k",
                        "recall_at_k",
                        "map_at_k",
                        "ndcg_at_k",
                        "hit_rate_at_k",
                        "coverage",
                        "persons_evaluated",
                        "holdout_start"
                    },
                    Types.STRING,
                    Types.INT,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.LONG,
                    Types.LOCAL_DATE);

    public static final OutputTag<Row> RECOMMENDATIONS =
            new OutputTag<>("retail-recommendations", RECOMMENDATION);

    public static final OutputTag<Row> QUALITY = new OutputTag<>("retail-quality", QUALITY_ROW);

    private final ModelSettings settings;
    private transient IncrementalModel model;
    private transient LiveEvaluation evaluation;
    private transient ListState<byte[]> state;
    private transient IncrementalModel.Emitter emitter;

    public LiveModelOperator(ModelSettings settings) {
        this.settings = settings;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        model = new IncrementalModel(settings);
        evaluation = new LiveEvaluation(settings);
        state =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "retail-model", BytePrimitiveArraySerializer.INSTANCE));
        if (context.isRestored()) {
            ModelSnapshot.read(state.get(), model, evaluation);
        }
        emitter =
                new IncrementalModel.Emitter() {
                    @Override
                    public void similarity(Row row) {
                        output.collect(new StreamRecord<>(row));
                    }

                    @Override
                    public void recommendation(Row row) {
                        output.collect(RECOMMENDATIONS, new StreamRecord<>(row));
                    }
                };
    }

    @Override
    public void processElement(StreamRecord<Row> element) {
        Row row = element.getValue();
        RowKind kind = row.getKind();
        int sign = kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER ? 1 : -1;
        String person = row.getFieldAs("person_id");
        String item = row.getFieldAs("item_id");
        boolean purchased = Boolean.TRUE.equals(row.getFieldAs("purchased"));
        model.apply(person, item, purchased, sign);
        evaluation.apply(person, item, purchased, row.getFieldAs("event_date"), sign);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) {
        refresh("checkpoint " + checkpointId);
    }

    private void refresh(String before) {
        long start = System.nanoTime();
        IncrementalModel.Refreshed refreshed = model.refresh(emitter);
        evaluation.refresh(row -> output.collect(QUALITY, new StreamRecord<>(row)));
        if (refreshed.items + refreshed.persons > 0) {
            LOG.info(
                    "Retail model refreshed before {}: {} item lists and {} persons recomputed,"
                            + " {} rows changed, in {} ms",
                    before,
                    refreshed.items,
                    refreshed.persons,
                    refreshed.rows,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        List<byte[]> chunks = ModelSnapshot.write(model, evaluation);
        state.update(chunks);
    }

    @Override
    public void endInput() {
        refresh("the end of the input");
    }
}
