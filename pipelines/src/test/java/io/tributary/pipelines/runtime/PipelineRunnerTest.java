package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.delta.DeltaWriterLease;
import io.tributary.pipelines.sre.SrePipeline;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineRunnerTest {
    @Test
    void backfillsOverwriteWhatTheyInsert() {
        assertThat(PipelineRunner.asOverwrite("INSERT INTO gold.t\nSELECT 1"))
                .isEqualTo("INSERT OVERWRITE gold.t\nSELECT 1");
        assertThat(PipelineRunner.asOverwrite("insert  into x SELECT 'INSERT INTO y'"))
                .isEqualTo("INSERT OVERWRITE x SELECT 'INSERT INTO y'");
        assertThat(PipelineRunner.asOverwrite("CREATE TEMPORARY VIEW v AS SELECT 1"))
                .as("not an insert: unchanged")
                .isEqualTo("CREATE TEMPORARY VIEW v AS SELECT 1");
    }

    @Test
    void aStageThatRunsInTheJobBeforeItJoinsThatJobWhenStagesAreCombined() {
        Pipeline.Stage landing = new Pipeline.Stage("landing → silver", List.of());
        Pipeline.Stage gold = Pipeline.Stage.derived("silver → gold", List.of()).inJobBefore();
        Pipeline.Stage report = Pipeline.Stage.derived("gold → report", List.of());

        assertThat(PipelineRunner.jobsOf(List.of(landing, gold, report), true))
                .containsExactly(List.of(landing, gold), List.of(report));
        assertThat(PipelineRunner.jobsOf(List.of(landing, gold), false))
                .containsExactly(List.of(landing), List.of(gold));
        assertThat(PipelineRunner.jobsOf(List.of(gold, report), true))
                .as("nothing before it: a job of its own")
                .containsExactly(List.of(gold), List.of(report));
        assertThatThrownBy(() -> landing.inJobBefore())
                .hasMessageContaining("only a derived stage");

        assertThat(BackfillJobs.AUTO.combines(true))
                .as("embedded: planned while the job before runs")
                .isFalse();
        assertThat(BackfillJobs.AUTO.combines(false)).isTrue();
        assertThat(BackfillJobs.COMBINED.combines(true)).isTrue();
        assertThat(BackfillJobs.SEPARATE.combines(false)).isFalse();
    }

    @Test
    void theRowsABackfillKeepsAreThoseOfOtherInputsAndThoseWithoutOne() {
        assertThat(
                        BackfillScope.ofInputs("source_file", List.of("a.log", "it's.log"))
                                .keptRowsCondition())
                .isEqualTo("`source_file` IS NULL OR `source_file` NOT IN ('a.log', 'it''s.log')");
        assertThat(BackfillScope.ofInputs("source_file", List.of()).keptRowsCondition())
                .isEqualTo("TRUE");
        assertThatThrownBy(
                        () ->
                                BackfillScope.ofTimeRange(
                                                "ts",
                                                java.time.LocalDateTime.of(2026, 1, 1, 0, 0),
                                                null)
                                        .keptRowsCondition())
                .hasMessageContaining("time-range");
    }

    @Test
    void everyDeclaredTableFollowsTheNamingContractAndHasItsInsert() {
        WeblogsPipeline pipeline = new WeblogsPipeline();
        for (LakeTable table : pipeline.tables()) {
            assertThat(table.qualifiedName()).matches("(bronze|silver|gold)\\.weblogs_[a-z_]+");
            assertThat(table.location("s3://b/lake"))
                    .isEqualTo("s3://b/lake/" + table.layer() + "/" + table.name());
        }
        long inserts =
                pipeline.stages(PipelineMode.BATCH).stream()
                        .flatMap(s -> s.statements().stream())
                        .filter(s -> s.startsWith("INSERT INTO"))
                        .count();
        assertThat(inserts).isEqualTo(pipeline.tables().size());
    }

    /**
     * The SRE backfill while the CDC job keeps silver.sre_* current: refused before anything is
     * read, naming the stream, since overwriting the tables would erase its updates and revive its
     * deletes.
     */
    @Test
    void aBackfillOfATableAStreamKeepsIsRefusedNamingTheStream(@TempDir Path dir) throws Exception {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
        SrePipeline sre = SrePipeline.fromConfig(conf);
        String log =
                sre.tables().stream()
                        .filter(t -> t.qualifiedName().equals("silver.sre_log"))
                        .findFirst()
                        .orElseThrow()
                        .location(LakeCatalog.lakeRoot(conf));
        lease(log, Instant.now().plusSeconds(60));

        assertThatThrownBy(
                        () ->
                                new PipelineRunner(
                                                conf, new PrintStream(new ByteArrayOutputStream()))
                                        .run(sre, PipelineMode.BATCH))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining(
                        "silver.sre_log is written by streaming job tributary cdc (streaming) (job 42)");

        lease(log, Instant.now().minusSeconds(1));
        assertThatThrownBy(
                        () ->
                                new PipelineRunner(
                                                conf, new PrintStream(new ByteArrayOutputStream()))
                                        .run(sre, PipelineMode.BATCH))
                .as(
                        "a lease that ran out (a killed job) claims nothing: the backfill goes on to its sources")
                .hasMessageNotContaining("is written by");
    }

    /** The lease a running CDC job holds on a table, as its committer writes it. */
    private static void lease(String table, Instant expires) throws java.io.IOException {
        Path file = Path.of(DeltaWriterLease.file(table).toUri());
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(
                file,
                DeltaWriterLease.serialize(
                        "tributary cdc (streaming) (job 42)", "silver.sre_log@42/x", expires));
    }
}
