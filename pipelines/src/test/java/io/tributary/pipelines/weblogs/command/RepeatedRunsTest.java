package io.tributary.pipelines.weblogs.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RepeatedRunsTest {
    @Test
    void theMedianOfAnOddCountIsTheMiddleRunWhateverTheOrder() {
        RepeatedRuns runs = new RepeatedRuns(new double[] {7.5, 5.9, 6.1});

        assertThat(runs.median()).isEqualTo(6.1);
        assertThat(runs.min()).isEqualTo(5.9);
        assertThat(runs.max()).isEqualTo(7.5);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleRuns() {
        assertThat(new RepeatedRuns(new double[] {9.0, 6.0, 5.0, 7.0}).median()).isEqualTo(6.5);
    }

    @Test
    void theRunsGivenAreNotReordered() {
        double[] seconds = {3.0, 1.0, 2.0};

        new RepeatedRuns(seconds);

        assertThat(seconds).containsExactly(3.0, 1.0, 2.0);
    }

    @Test
    void noRunsHaveNoMedian() {
        assertThatThrownBy(() -> new RepeatedRuns(new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
