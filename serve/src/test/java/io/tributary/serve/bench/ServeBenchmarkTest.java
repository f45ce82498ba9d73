package io.tributary.serve.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServeBenchmarkTest {
    @Test
    void prometheusIsAskedForTheSameSevenStatistics() {
        assertThat(ServeBenchmark.union("cpuUsage"))
                .contains(
                        "count_over_time(cpuUsage[1h])",
                        "max_over_time(cpuUsage[1h])",
                        "min_over_time(cpuUsage[1h])",
                        "avg_over_time(cpuUsage[1h])",
                        "stddev_over_time(cpuUsage[1h])",
                        "quantile_over_time(0.5, cpuUsage[1h])",
                        "quantile_over_time(0.95, cpuUsage[1h])");
    }
}
