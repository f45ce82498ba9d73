package io.tributary.pipelines.runtime;

import io.tributary.pipelines.cdc.CdcPipeline;
import io.tributary.pipelines.sre.SrePipeline;
import io.tributary.pipelines.weblogs.WeblogsPipeline;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The pipelines Tributary ships, by name. */
@Internal
public final class Pipelines {
    private static final Map<String, Function<ReadableConfig, Pipeline>> ALL = new LinkedHashMap<>();

    static {
        ALL.put(WeblogsPipeline.NAME, conf -> new WeblogsPipeline());
        ALL.put(CdcPipeline.NAME, CdcPipeline::fromConfig);
        ALL.put(SrePipeline.NAME, SrePipeline::fromConfig);
    }

    private Pipelines() {}

    /**
     * The gold tables the shipped pipelines write, qualified and sorted: what the Glue catalog
     * must hold (terraform/gold-tables.json; a test keeps the two equal). The CDC pipeline writes
     * bronze and silver tables only, named by the user's tables file.
     */
    public static List<String> goldTables() {
        return Stream.of(new WeblogsPipeline(), SrePipeline.fromConfig(new Configuration()))
                .flatMap(p -> p.tables().stream())
                .filter(t -> "gold".equals(t.layer()))
                .map(LakeTable::qualifiedName)
                .sorted()
                .collect(Collectors.toList());
    }

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
