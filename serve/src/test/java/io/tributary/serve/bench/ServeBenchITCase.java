package io.tributary.serve.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary bench serve} on a bounded default (one host, a second per server): it runs both
 * servers on the same samples, checks they agree, and prints its table. The figures themselves are
 * docs/benchmarks.md's, never asserted.
 */
class ServeBenchITCase {
    @TempDir Path dir;

    @Test
    void theServiceAndPrometheusAnswerTheSameAndAreMeasuredSideBySide() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ServeBenchmark(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(1, 1, 4, Duration.ofMillis(200), Duration.ofSeconds(1));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("both answer the same 1 h maxima of cpuUsage: {web-1:9100=")
                .containsPattern("\\| Prometheus 2\\.42 +\\| +[1-9][0-9]* \\|")
                .containsPattern("\\| tributary serve +\\| +[1-9][0-9]* \\|")
                .contains("throughput:");
    }
}
