package io.tributary.pipelines.runtime;

import java.util.List;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A pipeline whose {@code pipeline.yaml} declares its tables and stages ({@link
 * PipelineDescriptor}). Every pipeline of this project is one, so that each reads the same way: the
 * tables and statements are resources, and the Java code binds only what the YAML leaves open — the
 * lists its templates repeat over, the values its placeholders take, a statement's rewrite.
 */
@PublicEvolving
public interface DeclaredPipeline extends Pipeline {
    /** The pipeline's {@code pipeline.yaml}, with its {@code tables/} and {@code sql/}. */
    PipelineDescriptor descriptor();

    /** What fills the descriptor's templates and placeholders; nothing, by default. */
    default PipelineDescriptor.Bindings bindings() {
        return new PipelineDescriptor.Bindings() {};
    }

    @Override
    default List<LakeTable> tables() {
        return descriptor().tables(bindings());
    }

    @Override
    default List<Stage> stages(PipelineMode mode) {
        return descriptor().stages(mode, bindings());
    }
}
