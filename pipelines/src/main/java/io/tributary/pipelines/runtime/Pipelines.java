package io.tributary.pipelines.runtime;

import io.tributary.pipelines.cdc.CdcPipeline;
import io.tributary.pipelines.weblogs.WeblogsPipeline;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ReadableConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The pipelines Tributary ships, by name. */
@Internal
public final class Pipelines {
    private static final Map<String, Function<ReadableConfig, Pipeline>> ALL = new LinkedHashMap<>();

    static {
        ALL.put(WeblogsPipeline.NAME, conf -> new WeblogsPipeline());
        ALL.put(CdcPipeline.NAME, CdcPipeline::fromConfig);
    }

    private Pipelines() {}

    /** The pipeline called {@code name}, set up from {@code conf} (the CDC pipeline reads its tables file). */
    public static Pipeline named(String name, ReadableConfig conf) {
        Function<ReadableConfig, Pipeline> factory = ALL.get(name);
        if (factory == null) {
            throw new ConfigurationError("Unknown pipeline '" + name + "'",
                    "choose one of " + String.join(", ", ALL.keySet()));
        }
        return factory.apply(conf);
    }
}
