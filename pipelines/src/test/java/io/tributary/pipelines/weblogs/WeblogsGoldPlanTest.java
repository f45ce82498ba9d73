package io.tributary.pipelines.weblogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.testutils.Landing;
import io.tributary.pipelines.testutils.WeblogsFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backfill's gold stage reads silver once and aggregates it once per grouping the statements
 * share: the per-client counts (top client IPs and the summary's distinct clients) and {@code
 * view.weblogs_daily_classes} (summary days, bytes per status class, 4xx per weekday). The planner
 * shares a sub-plan only while the statements spell it alike; if one drifts, every results test
 * still passes and the work is silently done twice — this test is what notices.
 */
class WeblogsGoldPlanTest {
    private static final String EXECUTION_PLAN = "== Optimized Execution Plan ==";

    @TempDir Path dir;

    @Test
    void goldScansSilverOnceAndComputesEachSharedAggregationOnce() throws Exception {
        Configuration conf = Landing.under(dir);
        // The sources are registered as for a run, which needs a landing folder to list.
        WeblogsFixture.land(
                conf, new WeblogGenerator(5).generate(dir.resolve("generated"), 10, 1).files);

        String explained =
                new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                        .explainBackfillStage(new WeblogsPipeline(), "silver → gold");
        assertThat(explained).contains(EXECUTION_PLAN);
        String plan = explained.substring(explained.indexOf(EXECUTION_PLAN));

        Matcher scan =
                Pattern.compile(
                                "TableSourceScan\\(table=\\[\\[default_catalog, silver,"
                                        + " weblogs_requests.*\\(reuse_id=\\[(\\d+)]\\)")
                        .matcher(plan);
        assertThat(scan.find()).as("one scan of silver, reused, in:%n%s", plan).isTrue();
        String scanId = scan.group(1);
        assertThat(scan.find()).as("a second scan of silver in:%n%s", plan).isFalse();
        // Silver's rows feed three aggregations: per client, per endpoint, per day and class.
        assertThat(count(plan, "Reused(reference_id=[" + scanId + "])"))
                .as("readers of silver's scan in:%n%s", plan)
                .isEqualTo(3);
        assertThat(finalAggregations(plan, "groupBy=[date, weekday, status_class]"))
                .as("aggregations of view.weblogs_daily_classes in:%n%s", plan)
                .isEqualTo(1);
        assertThat(finalAggregations(plan, "groupBy=[client_ip]"))
                .as("per-client aggregations in:%n%s", plan)
                .isEqualTo(1);
    }

    /** Hash aggregations that merge partial results, grouped as {@code groupBy} says. */
    private static int finalAggregations(String plan, String groupBy) {
        return count(plan, "HashAggregate(isMerge=[true], " + groupBy);
    }

    private static int count(String text, String literal) {
        Matcher m = Pattern.compile(Pattern.quote(literal)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
