package io.tributary.pipelines.runtime;

import io.tributary.pipelines.weblogs.WeblogsPipeline;

import org.apache.flink.annotation.Internal;

import java.util.List;
import java.util.stream.Collectors;

/** The pipelines Tributary ships, by name. */
@Internal
public final class Pipelines {
    private static final List<Pipeline> ALL = List.of(new WeblogsPipeline());

    private Pipelines() {}

    public static List<Pipeline> all() {
        return ALL;
    }

    public static Pipeline named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
                new ConfigurationError("Unknown pipeline '" + name + "'", "choose one of "
                        + ALL.stream().map(Pipeline::name).collect(Collectors.joining(", "))));
    }
}
