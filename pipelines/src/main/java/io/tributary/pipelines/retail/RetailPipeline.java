package io.tributary.pipelines.retail;

import io.tributary.pipelines.retail.internal.CsvHeaderFunction;
import io.tributary.pipelines.retail.live.RetailLiveModel;
import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.PipelineDescriptor;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.streams.LineFedPipeline;
import io.tributary.pipelines.streams.LineSources;
import io.tributary.udfs.retail.ParseRetailEventFunction;
import io.tributary.udfs.retail.PopularFillFunction;
import io.tributary.udfs.retail.RankedDoublesFunction;
import io.tributary.udfs.retail.RankedStringsFunction;
import io.tributary.udfs.retail.RankingQualityFunction;
import io.tributary.udfs.retail.RecommendFunction;
import io.tributary.udfs.retail.SwingScoresFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * A shop's events into the lake (docs/retail.md): JSON or CSV lines → {@code
 * bronze.retail_events_raw} → {@code silver.retail_events} and {@code silver.retail_rejects} →
 * daily KPIs, item-to-item similarity (cosine and Swing), recommendations per person, and the
 * recommendations' quality on a temporal holdout. In batch mode the events come from landing files,
 * in streaming mode from a Kafka topic (plain JSON or Kinesis envelopes); the SQL is the same. A
 * backfill replaces in bronze and silver only the rows of the files it read.
 */
public final class RetailPipeline implements LineFedPipeline {
    public static final String NAME = "retail";

    private static final PipelineDescriptor DESCRIPTOR =
            PipelineDescriptor.load(RetailPipeline.class);

    static final List<String> BRONZE_SILVER = DESCRIPTOR.fixedTables("bronze", "silver");

    /** The gold tables, a contract with analysts (and the Glue catalog). */
    public static final List<String> GOLD = DESCRIPTOR.fixedTables("gold");

    private final ReadableConfig conf;

    /**
     * Its events' lines: landing files in batch mode, a Kafka topic or Kinesis stream in streaming
     * mode.
     */
    private final LineSources lines =
            new LineSources(
                    NAME,
                    BRONZE_SILVER,
                    new LineSources.StreamOptions(
                            RetailOptions.SOURCE,
                            RetailOptions.TOPIC,
                            RetailOptions.STREAM,
                            RetailOptions.FORMAT));

    public RetailPipeline(ReadableConfig conf) {
        this.conf = conf;
        validate(conf);
    }

    private static void validate(ReadableConfig conf) {
        positive(conf, RetailOptions.NEIGHBOURS);
        positive(conf, RetailOptions.RECOMMENDATIONS);
        positive(conf, RetailOptions.HOLDOUT_DAYS);
        positive(conf, RetailOptions.EVAL_K);
        positive(conf, RetailOptions.MIN_ITEMS_PER_PERSON);
        positive(conf, RetailOptions.SWING_MAX_PERSONS_PER_ITEM);
        if (conf.get(RetailOptions.MAX_ITEMS_PER_PERSON)
                < conf.get(RetailOptions.MIN_ITEMS_PER_PERSON)) {
            throw new ConfigurationError(
                    RetailOptions.MAX_ITEMS_PER_PERSON.key()
                            + " is below "
                            + RetailOptions.MIN_ITEMS_PER_PERSON.key()
                            + ": no person would be left for similarity",
                    "raise " + RetailOptions.MAX_ITEMS_PER_PERSON.key());
        }
        if (conf.get(RetailOptions.SWING_ALPHA1) <= 0 && conf.get(RetailOptions.SWING_BETA) > 0) {
            throw new ConfigurationError(
                    RetailOptions.SWING_ALPHA1.key() + " must be positive",
                    "Swing divides by (α₁ + items)^β; the published default is 15");
        }
    }

    private static void positive(
            ReadableConfig conf, org.apache.flink.configuration.ConfigOption<Integer> option) {
        if (conf.get(option) < 1) {
            throw new ConfigurationError(
                    option.key() + " is " + conf.get(option) + ", but must be at least 1",
                    "set " + option.key() + " to a positive number");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PipelineDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void registerSources(
            StreamExecutionEnvironment env,
            StreamTableEnvironment tEnv,
            Configuration conf,
            PipelineMode mode)
            throws Exception {
        tEnv.createTemporarySystemFunction(
                ParseRetailEventFunction.NAME, ParseRetailEventFunction.class);
        tEnv.createTemporarySystemFunction(CsvHeaderFunction.NAME, CsvHeaderFunction.class);
        tEnv.createTemporarySystemFunction(RankedStringsFunction.NAME, RankedStringsFunction.class);
        tEnv.createTemporarySystemFunction(RankedDoublesFunction.NAME, RankedDoublesFunction.class);
        tEnv.createTemporarySystemFunction(
                RankingQualityFunction.NAME, RankingQualityFunction.class);
        tEnv.createTemporarySystemFunction(SwingScoresFunction.NAME, SwingScoresFunction.class);
        tEnv.createTemporarySystemFunction(RecommendFunction.NAME, RecommendFunction.class);
        tEnv.createTemporarySystemFunction(PopularFillFunction.NAME, PopularFillFunction.class);
        lines.registerView(
                "retail_lines",
                env,
                tEnv,
                conf,
                mode,
                tables(),
                "put shop events there (JSON lines or CSV with a header, plain or"
                        + " .gz), generate some with 'tributary generate retail', or set"
                        + " tributary.landing.root");
    }

    /**
     * The similarity and recommendations a stream keeps: see {@link RetailLiveModel}; a backfill
     * computes them in SQL.
     */
    @Override
    public void registerComputedViews(
            StreamTableEnvironment tEnv, Configuration conf, PipelineMode mode) {
        if (mode == PipelineMode.STREAMING) {
            RetailLiveModel.register(tEnv, conf);
        }
    }

    @Override
    public LineSources lineSources() {
        return lines;
    }

    /** Gold's statements read only the lake's declared tables, through SQL views. */
    @Override
    public boolean derivedPlansReusable() {
        return true;
    }

    @Override
    public PipelineDescriptor.Bindings bindings() {
        return new Bindings();
    }

    /** The templates' lists and the settings every statement may use. */
    private final class Bindings implements PipelineDescriptor.Bindings {
        @Override
        public List<Map<String, String>> items(String each) {
            String all = SimilarityAlgorithm.COSINE + "," + SimilarityAlgorithm.SWING + ",popular";
            String chosen = conf.get(RetailOptions.ALGORITHM).toString();
            switch (each) {
                case "kpis":
                    return List.of(
                            Map.of("table", "retail_daily_kpis", "keys", "event_date"),
                            Map.of(
                                    "table",
                                    "retail_daily_category_kpis",
                                    "keys",
                                    "event_date, item_category"));
                case "model":
                    return List.of(
                            model(
                                    "full",
                                    "retail_events_unique",
                                    chosen,
                                    RetailOptions.RECOMMENDATIONS),
                            model("train", "retail_train_events", all, RetailOptions.EVAL_K));
                default:
                    return PipelineDescriptor.Bindings.super.items(each);
            }
        }

        private Map<String, String> model(
                String model,
                String events,
                String algorithms,
                org.apache.flink.configuration.ConfigOption<Integer> size) {
            List<String> names = List.of(algorithms.split(","));
            return Map.of(
                    "model", model,
                    "events", events,
                    "size", String.valueOf(conf.get(size)),
                    "algorithms",
                            names.stream()
                                    .map(a -> "'" + a + "'")
                                    .collect(Collectors.joining(", ")),
                    "algorithm_array",
                            names.stream()
                                    .map(a -> "CAST('" + a + "' AS STRING)")
                                    .collect(Collectors.joining(", ", "ARRAY[", "]")));
        }

        @Override
        public Map<String, String> shared(PipelineMode mode) {
            Map<String, String> shared = new LinkedHashMap<>();
            shared.put("neighbours", String.valueOf(conf.get(RetailOptions.NEIGHBOURS)));
            shared.put("min_items", String.valueOf(conf.get(RetailOptions.MIN_ITEMS_PER_PERSON)));
            shared.put("max_items", String.valueOf(conf.get(RetailOptions.MAX_ITEMS_PER_PERSON)));
            shared.put(
                    "max_persons_per_item",
                    String.valueOf(conf.get(RetailOptions.SWING_MAX_PERSONS_PER_ITEM)));
            shared.put("alpha1", literal(conf.get(RetailOptions.SWING_ALPHA1)));
            shared.put("alpha2", literal(conf.get(RetailOptions.SWING_ALPHA2)));
            shared.put("beta", literal(conf.get(RetailOptions.SWING_BETA)));
            shared.put("holdout_days", String.valueOf(conf.get(RetailOptions.HOLDOUT_DAYS)));
            shared.put("eval_k", String.valueOf(conf.get(RetailOptions.EVAL_K)));
            return shared;
        }

        /** A stream's bronze and silver skip the Kafka records they hold. */
        @Override
        public String rewrite(String name, String sql, PipelineMode m) {
            return m == PipelineMode.STREAMING ? lines.skipCommitted(name, sql) : sql;
        }
    }

    /** A double as a SQL DOUBLE literal. */
    private static String literal(double value) {
        return "CAST(" + value + " AS DOUBLE)";
    }
}
