package io.tributary.pipelines.retail;

import io.tributary.pipelines.runtime.StreamSource;
import io.tributary.pipelines.streams.LineRecordFormat;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Settings of the retail pipeline (docs/retail.md). */
@PublicEvolving
public final class RetailOptions {
    private RetailOptions() {}

    public static final ConfigOption<StreamSource> SOURCE =
            ConfigOptions.key("tributary.retail.source")
                    .enumType(StreamSource.class)
                    .defaultValue(StreamSource.KAFKA)
                    .withDescription("What the streaming job reads shop events from.");

    public static final ConfigOption<String> STREAM =
            ConfigOptions.key("tributary.retail.stream")
                    .stringType()
                    .defaultValue("retail")
                    .withDescription(
                            "Kinesis stream (name or ARN) the streaming job reads shop events from, with"
                                    + " tributary.retail.source = kinesis.");

    public static final ConfigOption<String> TOPIC =
            ConfigOptions.key("tributary.retail.topic")
                    .stringType()
                    .defaultValue("retail.events")
                    .withDescription("Kafka topic the streaming job reads shop events from.");

    public static final ConfigOption<LineRecordFormat> FORMAT =
            ConfigOptions.key("tributary.retail.format")
                    .enumType(LineRecordFormat.class)
                    .defaultValue(LineRecordFormat.RAW)
                    .withDescription(
                            "How a Kafka or Kinesis record carries its event: the JSON itself, or a Kinesis "
                                    + "envelope of it.");

    public static final ConfigOption<Integer> NEIGHBOURS =
            ConfigOptions.key("tributary.retail.similarity.neighbours")
                    .intType()
                    .defaultValue(20)
                    .withDescription(
                            "K: how many most similar items each item keeps "
                                    + "(gold.retail_item_similarity, similarity_rank 1..K).");

    public static final ConfigOption<Integer> MAX_ITEMS_PER_PERSON =
            ConfigOptions.key("tributary.retail.similarity.max-items-per-person")
                    .intType()
                    .defaultValue(1_000)
                    .withDescription(
                            "Persons with more distinct items than this are left out of similarity "
                                    + "(crawlers, shop staff): the cost grows with the square of a "
                                    + "person's items. They still get recommendations.");

    public static final ConfigOption<Integer> MIN_ITEMS_PER_PERSON =
            ConfigOptions.key("tributary.retail.similarity.min-items-per-person")
                    .intType()
                    .defaultValue(1)
                    .withDescription(
                            "Persons with fewer distinct items than this are left out of "
                                    + "similarity (Swing's minUserBehavior); 1 keeps everyone.");

    public static final ConfigOption<Integer> SWING_MAX_PERSONS_PER_ITEM =
            ConfigOptions.key("tributary.retail.swing.max-persons-per-item")
                    .intType()
                    .defaultValue(1_000)
                    .withDescription(
                            "Swing pairs an item's persons, so a hit item costs the square of its "
                                    + "persons: above this many, a fixed sample of them (the smallest "
                                    + "MD5 of person and item) stands for all, as Flink ML's "
                                    + "maxUserNumPerItem does.");

    public static final ConfigOption<Double> SWING_ALPHA1 =
            ConfigOptions.key("tributary.retail.swing.alpha1")
                    .doubleType()
                    .defaultValue(15.0)
                    .withDescription(
                            "Swing's α₁: a person's weight is (α₁ + |I_u|)^-β, so busy persons "
                                    + "count less.");

    public static final ConfigOption<Double> SWING_ALPHA2 =
            ConfigOptions.key("tributary.retail.swing.alpha2")
                    .doubleType()
                    .defaultValue(0.0)
                    .withDescription(
                            "Swing's α₂: a pair of persons adds w_u·w_v ÷ (α₂ + |I_u ∩ I_v|) to "
                                    + "each pair of items they share.");

    public static final ConfigOption<Double> SWING_BETA =
            ConfigOptions.key("tributary.retail.swing.beta")
                    .doubleType()
                    .defaultValue(0.3)
                    .withDescription("Swing's β, the exponent of a person's weight.");

    public static final ConfigOption<Integer> RECOMMENDATIONS =
            ConfigOptions.key("tributary.retail.recommendations.size")
                    .intType()
                    .defaultValue(10)
                    .withDescription("N: how many items each person is recommended.");

    public static final ConfigOption<SimilarityAlgorithm> ALGORITHM =
            ConfigOptions.key("tributary.retail.recommendations.algorithm")
                    .enumType(SimilarityAlgorithm.class)
                    .defaultValue(SimilarityAlgorithm.COSINE)
                    .withDescription(
                            "Which item similarity gold.retail_recommendations is computed from.");

    public static final ConfigOption<Integer> HOLDOUT_DAYS =
            ConfigOptions.key("tributary.retail.eval.holdout-days")
                    .intType()
                    .defaultValue(7)
                    .withDescription(
                            "The evaluation's holdout: the calendar days, ending at the latest "
                                    + "event date, whose purchases the models trained on the earlier "
                                    + "events must predict.");

    public static final ConfigOption<Integer> EVAL_K =
            ConfigOptions.key("tributary.retail.eval.k")
                    .intType()
                    .defaultValue(10)
                    .withDescription(
                            "k of the quality metrics (precision@k, recall@k, MAP@k, NDCG@k, hit "
                                    + "rate@k).");
}
