package io.tributary.pipelines.metrics.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** SLA checks on constructed series, counted by hand. */
class SlaCheckTest {
    /** 00:00:00, 00:00:15, ... every 15 s. */
    private static long[] times(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 15_000L;
        }
        return t;
    }

    @Test
    void violationsMinutesAndEpisodesOfAMaximum() {
        double[] values = {50, 85, 90, 70, 81, 81, 81, 60, 95, 80};
        SlaCheck check = SlaCheck.of(times(values.length), values, new SlaRange(null, 80.0));
        // 85 and 90 (minute 0), three 81s (minute 1), 95 (minute 2); 80 is allowed.
        assertThat(check.samples).isEqualTo(10);
        assertThat(check.violations).isEqualTo(6);
        assertThat(check.violatingMinutes).isEqualTo(3);
        assertThat(check.episodes)
                .extracting(
                        e -> e.start / 1000 + "-" + e.end / 1000 + ":" + e.samples + "@" + e.worst)
                .containsExactly("15-30:2@90.0", "60-90:3@81.0", "120-120:1@95.0");
        assertThat(check.longestEpisodeSeconds()).isEqualTo(30L);
        assertThat(check.inRangeRatio()).isEqualTo(1 - 6 / 10.0);
        assertThat(check.status()).isEqualTo(SlaCheck.Status.VIOLATED);
    }

    @Test
    void aMinimumAndARangeBothWays() {
        double[] values = {5, 1, 2, 9, 12, 3};
        SlaCheck low = SlaCheck.of(times(6), values, new SlaRange(3.0, null));
        assertThat(low.violations).isEqualTo(2);
        assertThat(low.episodes).extracting(e -> e.worst).containsExactly(1.0);
        SlaCheck both = SlaCheck.of(times(6), values, new SlaRange(3.0, 10.0));
        assertThat(both.violations).isEqualTo(3);
        assertThat(both.episodes).extracting(e -> e.samples).containsExactly(2, 1);
        SlaCheck met = SlaCheck.of(times(6), values, new SlaRange(0.0, 20.0));
        assertThat(met.status()).isEqualTo(SlaCheck.Status.OK);
        assertThat(met.inRangeRatio()).isEqualTo(1.0);
        assertThat(met.longestEpisodeSeconds()).isNull();
    }

    @Test
    void noSamplesIsNoDataNeverCompliance() {
        SlaCheck empty = SlaCheck.of(new long[0], new double[0], new SlaRange(null, 80.0));
        assertThat(empty.status()).isEqualTo(SlaCheck.Status.NO_DATA);
        assertThat(empty.status().toString()).isEqualTo("no data");
        assertThat(empty.inRangeRatio()).isNull();
    }

    @Test
    void aRangeNeedsAnEndAndItsEndsInOrder() {
        assertThatThrownBy(() -> new SlaRange(null, null)).hasMessageContaining("min, a max");
        assertThatThrownBy(() -> new SlaRange(5.0, 1.0)).hasMessageContaining("above max");
    }
}
