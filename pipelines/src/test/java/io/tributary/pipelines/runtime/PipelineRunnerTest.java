package io.tributary.pipelines.runtime;

import io.tributary.pipelines.weblogs.WeblogsPipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineRunnerTest {
    @Test
    void backfillsOverwriteWhatTheyInsert() {
        assertThat(PipelineRunner.asOverwrite("INSERT INTO gold.t\nSELECT 1"))
                .isEqualTo("INSERT OVERWRITE gold.t\nSELECT 1");
        assertThat(PipelineRunner.asOverwrite("insert  into x SELECT 'INSERT INTO y'"))
                .isEqualTo("INSERT OVERWRITE x SELECT 'INSERT INTO y'");
    }

    @Test
    void everyDeclaredTableFollowsTheNamingContractAndHasItsInsert() {
        WeblogsPipeline pipeline = new WeblogsPipeline();
        for (LakeTable table : pipeline.tables()) {
            assertThat(table.qualifiedName()).matches("(bronze|silver|gold)\\.weblogs_[a-z_]+");
            assertThat(table.location("s3://b/lake")).isEqualTo("s3://b/lake/" + table.layer() + "/" + table.name());
        }
        long inserts = pipeline.stages(PipelineMode.BATCH).stream()
                .flatMap(s -> s.statements().stream()).filter(s -> s.startsWith("INSERT INTO")).count();
        assertThat(inserts).isEqualTo(pipeline.tables().size());
    }
}
