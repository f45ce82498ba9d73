package io.tributary.pipelines.retail;

import static org.apache.flink.configuration.description.TextElement.text;

import java.util.Locale;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.DescribedEnum;
import org.apache.flink.configuration.description.InlineElement;

/**
 * An item-to-item similarity; the option value and the {@code algorithm} column are {@link
 * #toString()}.
 */
@PublicEvolving
public enum SimilarityAlgorithm implements DescribedEnum {
    COSINE(
            "|U_i ∩ U_j| ÷ √(|U_i|·|U_j|) over the persons who had each item (Amazon's item-to-item)."),
    SWING(
            "Alibaba's Swing: each pair of persons sharing both items adds w_u·w_v ÷ (α₂ + the items "
                    + "they share), so items linked by many unrelated persons score higher than "
                    + "items linked by one close group.");

    private final String description;

    SimilarityAlgorithm(String description) {
        this.description = description;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public InlineElement getDescription() {
        return text(description);
    }
}
