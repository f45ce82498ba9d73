package io.tributary.pipelines.weblogs;

import static io.tributary.pipelines.testutils.WeblogsFixture.gold;
import static io.tributary.pipelines.testutils.WeblogsFixture.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.StreamSource;
import io.tributary.pipelines.testutils.LaggingTables;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.LineFeed;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The web-log streaming job started fresh (no {@code --resume}) after it was killed between two of
 * its tables' commits, from Kafka and from Kinesis: every line once in every layer.
 */
class WeblogsFreshStartITCase extends WeblogsStreamingFixture {
    /**
     * A job killed between two of its tables' commits, then started fresh (no --resume): the lake
     * then holds one table a checkpoint ahead of the other. Made exactly here by putting back a
     * copy of the lagging tables as they were before the last run. The fresh start must fill the
     * lagging tables without doubling a line in the others.
     */
    @ParameterizedTest
    @CsvSource({
        "silver/weblogs_requests;silver/weblogs_rejects, KAFKA",
        "bronze/weblogs_raw, KAFKA",
        "silver/weblogs_requests;silver/weblogs_rejects, KINESIS",
        "bronze/weblogs_raw, KINESIS"
    })
    void aFreshStartAfterAKillBetweenTwoTablesCommitsLeavesEveryLineOnce(
            String lagging, StreamSource source) throws Exception {
        Configuration conf = conf("lake", source);
        List<String> streamed = lines(files);
        LineFeed.of(source, KAFKA, KINESIS).sendLines(topic, streamed.subList(0, 2_500));
        run(conf, PipelineMode.STREAMING);
        LaggingTables behind =
                LaggingTables.setAside(
                        dir.resolve("lake"), dir.resolve("aside"), List.of(lagging.split(";")));
        LineFeed.of(source, KAFKA, KINESIS)
                .sendLines(topic, streamed.subList(2_500, streamed.size()));
        run(conf, PipelineMode.STREAMING);
        behind.fallBack();
        assertThat(new Lake(conf).count(lagging.split(";")[0].replace('/', '.')))
                .as("the lake as the kill left it")
                .isLessThan(6_000);

        run(conf, PipelineMode.STREAMING);

        Lake lake = new Lake(conf);
        assertThat(
                        lake.rows(
                                "SELECT COUNT(*), COUNT(DISTINCT CONCAT(source_file, '#', CAST(line_number AS STRING)))"
                                        + " FROM bronze.weblogs_raw"))
                .containsExactly("6000,6000");
        assertThat(
                        lake.rows(
                                "SELECT COUNT(*), COUNT(DISTINCT CONCAT(source_file, '#', CAST(line_number AS STRING)))"
                                        + " FROM (SELECT source_file, line_number FROM silver.weblogs_requests"
                                        + " UNION ALL SELECT source_file, line_number FROM silver.weblogs_rejects)"))
                .containsExactly("6000,6000");
        assertThat(gold(lake)).isEqualTo(batchOverEverything());
    }
}
