package io.tributary.pipelines.retail;

import io.tributary.pipelines.runtime.BackfillScope;
import io.tributary.pipelines.runtime.LakeTable;
import io.tributary.pipelines.runtime.LiveTables;
import io.tributary.pipelines.runtime.Pipeline;
import io.tributary.pipelines.runtime.PipelineMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/** The retail backfill in parts that {@code tributary bench retail} times one by one. */
@Internal
public final class RetailBenchParts {
    private RetailBenchParts() {}

    /** The backfill's stages with the gold stage split in two: the KPIs, and the rest. */
    public static List<Pipeline.Stage> of(List<Pipeline.Stage> stages) {
        List<Pipeline.Stage> parts = new ArrayList<>();
        for (Pipeline.Stage stage : stages) {
            if (!stage.isDerived()) {
                parts.add(stage);
                continue;
            }
            List<String> kpis = new ArrayList<>();
            List<String> models = new ArrayList<>();
            for (String sql : stage.statements()) {
                String target = LiveTables.targetOf(sql);
                if (target != null && target.endsWith("_kpis")) {
                    kpis.add(sql);
                } else {
                    models.add(sql);
                    if (target == null && sql.contains("VIEW retail_events_unique")) {
                        kpis.add(sql);
                    }
                }
            }
            parts.add(Pipeline.Stage.derived("silver → KPIs", kpis));
            parts.add(
                    Pipeline.Stage.derived(
                            "silver → similarity, recommendations, quality", models));
        }
        return parts;
    }

    /** The retail pipeline running one part. */
    public static final class OnePart implements Pipeline {
        private final RetailPipeline pipeline;
        private final Stage part;

        public OnePart(RetailPipeline pipeline, Stage part) {
            this.pipeline = pipeline;
            this.part = part;
        }

        @Override
        public String name() {
            return pipeline.name();
        }

        @Override
        public List<LakeTable> tables() {
            return pipeline.tables();
        }

        @Override
        public void registerSources(
                StreamExecutionEnvironment env,
                StreamTableEnvironment tEnv,
                Configuration conf,
                PipelineMode mode)
                throws Exception {
            pipeline.registerSources(env, tEnv, conf, mode);
        }

        @Override
        public Map<String, BackfillScope> backfillScopes() {
            return pipeline.backfillScopes();
        }

        @Override
        public List<Stage> stages(PipelineMode mode) {
            return List.of(part);
        }
    }
}
