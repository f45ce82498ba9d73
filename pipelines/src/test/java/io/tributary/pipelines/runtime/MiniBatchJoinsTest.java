package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.Test;

/** A streaming plan with a regular join is refused under mini-batch, and only then. */
class MiniBatchJoinsTest {
    private static final String JOINED =
            "INSERT INTO o SELECT c.k, s.n FROM (VALUES ('a'), ('b')) AS c(k) "
                    + "LEFT JOIN (SELECT k, COUNT(*) AS n FROM s GROUP BY k) AS s ON c.k = s.k";
    private static final String UNJOINED = "INSERT INTO o SELECT k, COUNT(*) FROM s GROUP BY k";

    @Test
    void aRegularJoinUnderMiniBatchIsRefusedWithTheFix() {
        assertThatThrownBy(() -> MiniBatchJoins.refuse(plan(true, JOINED), "demo"))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("pipeline 'demo' has a regular join under mini-batch")
                .satisfies(
                        e ->
                                assertThat(((ConfigurationError) e).fix())
                                        .contains("table.exec.mini-batch.enabled=false"));
    }

    @Test
    void withoutMiniBatchOrWithoutAJoinThePlanPasses() {
        assertThatCode(() -> MiniBatchJoins.refuse(plan(false, JOINED), "demo"))
                .doesNotThrowAnyException();
        assertThatCode(() -> MiniBatchJoins.refuse(plan(true, UNJOINED), "demo"))
                .doesNotThrowAnyException();
    }

    /** The planner's explanation of one streaming insert, as the runner gets it. */
    private static String plan(boolean miniBatch, String insert) {
        Configuration conf = ExecutionDefaults.applyStreaming(new Configuration());
        conf.setString("table.exec.mini-batch.enabled", String.valueOf(miniBatch));
        TableEnvironment tEnv =
                TableEnvironment.create(
                        EnvironmentSettings.newInstance()
                                .inStreamingMode()
                                .withConfiguration(conf)
                                .build());
        tEnv.executeSql("CREATE TABLE s (k STRING, v BIGINT) WITH ('connector' = 'datagen')");
        tEnv.executeSql("CREATE TABLE o (k STRING, n BIGINT) WITH ('connector' = 'blackhole')");
        StatementSet statements = tEnv.createStatementSet();
        statements.addInsertSql(insert);
        return statements.explain();
    }
}
