package io.tributary.pipelines.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The registered pipelines, by name: every {@link PipelineProvider} on the class path, as listed in
 * {@code META-INF/services}.
 */
@Internal
public final class Pipelines {
    private static final Map<String, PipelineProvider> ALL = load();

    private Pipelines() {}

    private static Map<String, PipelineProvider> load() {
        Map<String, PipelineProvider> byName = new TreeMap<>();
        for (PipelineProvider provider :
                ServiceLoader.load(PipelineProvider.class, Pipelines.class.getClassLoader())) {
            PipelineProvider earlier = byName.putIfAbsent(provider.name(), provider);
            if (earlier != null) {
                throw new IllegalStateException(
                        "Two pipelines are called '"
                                + provider.name()
                                + "': "
                                + earlier.getClass().getName()
                                + " and "
                                + provider.getClass().getName());
            }
        }
        return byName;
    }

    /** Every registered pipeline, by name. */
    public static List<PipelineProvider> all() {
        return List.copyOf(ALL.values());
    }

    /** The names of the registered pipelines, sorted. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /**
     * The gold tables the registered pipelines write, qualified and sorted: what the Glue catalog
     * must hold (terraform/gold-tables.json; a test keeps the two equal).
     */
    public static List<String> goldTables() {
        return ALL.values().stream()
                .flatMap(p -> p.goldTables().stream())
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.toList());
    }

    /** The registered pipeline called {@code name}. */
    public static PipelineProvider provider(String name) {
        PipelineProvider provider = ALL.get(name);
        if (provider == null) {
            throw new ConfigurationError(
                    "Unknown pipeline '" + name + "'",
                    "choose one of " + String.join(", ", ALL.keySet()));
        }
        return provider;
    }

    /**
     * The pipeline called {@code name}, set up from {@code conf} (the CDC pipeline reads its tables
     * file).
     */
    public static Pipeline named(String name, ReadableConfig conf) {
        return provider(name).create(conf);
    }
}
