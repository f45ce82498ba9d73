package io.tributary.pipelines.metrics;

import io.tributary.pipelines.runtime.ConfigurationError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The metrics file: a {@code metrics} mapping of name → PromQL, in the file's order. Without a file
 * the bundled node-exporter queries apply. Every mistake is a {@link ConfigurationError} that names
 * the entry and the fix.
 */
@PublicEvolving
public final class MetricsFile {
    private static final String DEFAULTS = "metrics.yaml";

    private MetricsFile() {}

    /** node-exporter's available memory, CPU busy %, temperature, processes and network bytes/s. */
    public static List<MetricQuery> defaults() {
        try (InputStream in = MetricsFile.class.getResourceAsStream(DEFAULTS)) {
            return parse(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "the bundled " + DEFAULTS);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled " + DEFAULTS, e);
        }
    }

    public static List<MetricQuery> load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationError(
                    "Metrics file " + file + " does not exist",
                    "point tributary.metrics.file at a YAML file with a 'metrics' mapping of name"
                            + " to PromQL, or leave it unset for node-exporter's five host metrics");
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ConfigurationError(
                    "Cannot read metrics file " + file + ": " + e.getMessage(),
                    "check the file's permissions");
        }
    }

    static List<MetricQuery> parse(String yaml, String origin) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).load(yaml);
        } catch (YAMLException e) {
            throw new ConfigurationError(
                    "Cannot read metrics from " + origin + ": " + e.getMessage(),
                    "check the YAML syntax");
        }
        Object metrics = root instanceof Map ? ((Map<?, ?>) root).get("metrics") : null;
        if (!(metrics instanceof Map) || ((Map<?, ?>) metrics).isEmpty()) {
            throw new ConfigurationError(
                    origin + " has no 'metrics' mapping",
                    "start it with 'metrics:' and one 'name: PromQL' line per metric");
        }
        List<MetricQuery> queries = new ArrayList<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) metrics).entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!MetricQuery.NAME.matcher(name).matches()) {
                throw new ConfigurationError(
                        origin + " names a metric '" + name + "'",
                        "use letters, digits, '_' and '-', starting with a letter (it is a folder"
                                + " name and a JSON key), e.g. cpuUsage");
            }
            if (!(e.getValue() instanceof String) || ((String) e.getValue()).isBlank()) {
                throw new ConfigurationError(
                        origin + ", metric '" + name + "' has no PromQL",
                        "write the query after the name, e.g. " + name + ": node_processes_pids");
            }
            queries.add(new MetricQuery(name, ((String) e.getValue()).trim()));
        }
        return List.copyOf(queries);
    }
}
