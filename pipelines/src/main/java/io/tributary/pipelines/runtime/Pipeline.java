package io.tributary.pipelines.runtime;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.util.List;

/**
 * A pipeline: the lake tables it writes, the sources it reads in each mode, and the SQL stages
 * that turn sources into bronze, silver and gold. Only the sources differ between modes.
 */
@PublicEvolving
public interface Pipeline {
    String name();

    List<LakeTable> tables();

    /** Registers the temporary views the stages read, for the given mode. */
    void registerSources(StreamExecutionEnvironment env, StreamTableEnvironment tEnv,
            ReadableConfig conf, PipelineMode mode);

    /** Stages in order; each runs as one Flink job. */
    List<Stage> stages(PipelineMode mode);

    /** A named group of statements that runs as one job: views first, then inserts. */
    final class Stage {
        private final String name;
        private final List<String> statements;

        public Stage(String name, List<String> statements) {
            this.name = name;
            this.statements = List.copyOf(statements);
        }

        public String name() {
            return name;
        }

        public List<String> statements() {
            return statements;
        }
    }
}
