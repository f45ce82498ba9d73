package io.tributary.pipelines.retail.live;

import io.tributary.pipelines.retail.RetailOptions;
import io.tributary.pipelines.retail.SimilarityAlgorithm;
import java.io.Serializable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ReadableConfig;

/** The retail settings the live model computes with, as the batch SQL is bound to them. */
@Internal
public final class ModelSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    final int neighbours;
    final int minItems;
    final int maxItems;
    final int maxPersonsPerItem;
    final double alpha1;
    final double alpha2;
    final double beta;
    final int size;
    final SimilarityAlgorithm algorithm;
    final int holdoutDays;
    final int evalK;

    ModelSettings(
            int neighbours,
            int minItems,
            int maxItems,
            int maxPersonsPerItem,
            double alpha1,
            double alpha2,
            double beta,
            int size,
            SimilarityAlgorithm algorithm,
            int holdoutDays,
            int evalK) {
        this.neighbours = neighbours;
        this.minItems = minItems;
        this.maxItems = maxItems;
        this.maxPersonsPerItem = maxPersonsPerItem;
        this.alpha1 = alpha1;
        this.alpha2 = alpha2;
        this.beta = beta;
        this.size = size;
        this.algorithm = algorithm;
        this.holdoutDays = holdoutDays;
        this.evalK = evalK;
    }

    public static ModelSettings of(ReadableConfig conf) {
        return new ModelSettings(
                conf.get(RetailOptions.NEIGHBOURS),
                conf.get(RetailOptions.MIN_ITEMS_PER_PERSON),
                conf.get(RetailOptions.MAX_ITEMS_PER_PERSON),
                conf.get(RetailOptions.SWING_MAX_PERSONS_PER_ITEM),
                conf.get(RetailOptions.SWING_ALPHA1),
                conf.get(RetailOptions.SWING_ALPHA2),
                conf.get(RetailOptions.SWING_BETA),
                conf.get(RetailOptions.RECOMMENDATIONS),
                conf.get(RetailOptions.ALGORITHM),
                conf.get(RetailOptions.HOLDOUT_DAYS),
                conf.get(RetailOptions.EVAL_K));
    }

    /** Whether a person with this many items is in similarity's pool. */
    boolean inPool(int items) {
        return items >= minItems && items <= maxItems;
    }
}
