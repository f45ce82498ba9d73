package io.tributary.pipelines.retail.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetailReportCommandTest {
    @Test
    void eachShownRecommendationNamesTheSeenItemItIsLike() {
        Object[] recommended = {"item-16", "item-42", "item-45", "item-46", "item-21", "item-7"};
        Object[] because = {"item-12", "item-36", "item-38", "item-36", "item-15", "item-1"};
        assertThat(RetailReportCommand.withReasons(recommended, because))
                .isEqualTo(
                        "item-16 (like item-12), item-42 (like item-36), item-45 (like item-38),"
                                + " item-46 (like item-36), item-21 (like item-15) and 1 more");
    }

    @Test
    void aPopularFillHasNoReasonAndNoRecommendationSaysSo() {
        assertThat(
                        RetailReportCommand.withReasons(
                                new Object[] {"item-3", "item-9"}, new Object[] {"item-1", null}))
                .isEqualTo("item-3 (like item-1), item-9");
        assertThat(RetailReportCommand.withReasons(null, null)).isEqualTo("nothing");
    }
}
