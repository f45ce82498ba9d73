package io.tributary.pipelines.cdc;

import io.tributary.pipelines.runtime.ConfigurationError;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.annotation.PublicEvolving;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The YAML file that lists the captured tables:
 *
 * <pre>{@code
 * tables:
 *   - source: public.orders        # [schema.]table as the change events name it
 *     domain: shop                 # silver table: silver.shop_orders
 *     topic: shop.cdc              # Kafka topic carrying its change events
 *     format: debezium-json        # or dms-json
 *     primary-key: [id]
 *     history: true                # also keep silver.shop_orders_history (SCD2)
 *     columns:
 *       id: BIGINT
 *       status: STRING
 * }</pre>
 */
@PublicEvolving
public final class CdcTablesFile {
    private CdcTablesFile() {}

    public static List<CdcTableSpec> load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationError(
                    "CDC tables file " + file + " does not exist",
                    "point "
                            + CdcOptions.TABLES_FILE.key()
                            + " at a YAML file listing the captured tables");
        }
        Object yaml;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            yaml = new Yaml().load(reader);
        } catch (IOException | YAMLException e) {
            throw new ConfigurationError(
                    "Cannot read CDC tables file " + file + ": " + e.getMessage(),
                    "check the file's YAML syntax");
        }
        Object tables = yaml instanceof Map ? ((Map<?, ?>) yaml).get("tables") : null;
        if (!(tables instanceof List) || ((List<?>) tables).isEmpty()) {
            throw new ConfigurationError(
                    "CDC tables file " + file + " has no 'tables' list",
                    "start it with 'tables:' followed by one '- source: ...' entry per captured table");
        }
        List<CdcTableSpec> specs = new ArrayList<>();
        for (Object entry : (List<?>) tables) {
            if (!(entry instanceof Map)) {
                throw new ConfigurationError(
                        "CDC tables file " + file + " has a 'tables' entry that is not a mapping",
                        "write each table as '- source: ...' with its settings indented below");
            }
            specs.add(spec((Map<?, ?>) entry));
        }
        return validated(specs);
    }

    private static CdcTableSpec spec(Map<?, ?> entry) {
        CdcTableSpec.Builder builder =
                CdcTableSpec.builder()
                        .source(text(entry.get("source")))
                        .name(text(entry.get("name")))
                        .domain(text(entry.get("domain")))
                        .topic(text(entry.get("topic")))
                        .history(Boolean.parseBoolean(String.valueOf(entry.get("history"))));
        if (entry.get("format") != null) {
            builder.format(CdcFormat.parse(text(entry.get("format"))));
        }
        Object key = entry.get("primary-key");
        if (key instanceof List) {
            builder.primaryKey(
                    ((List<?>) key).stream().map(String::valueOf).collect(Collectors.toList()));
        } else if (key != null) {
            builder.primaryKey(List.of(String.valueOf(key)));
        }
        if (entry.get("columns") instanceof Map) {
            ((Map<?, ?>) entry.get("columns"))
                    .forEach(
                            (column, type) ->
                                    builder.column(String.valueOf(column), String.valueOf(type)));
        }
        return builder.build();
    }

    /** Checks what no single table can: unique names, one format per topic. */
    public static List<CdcTableSpec> validated(List<CdcTableSpec> specs) {
        Map<String, CdcTableSpec> byName = new HashMap<>();
        Map<String, CdcFormat> formatByTopic = new HashMap<>();
        for (CdcTableSpec spec : specs) {
            CdcTableSpec clash = byName.put(spec.name(), spec);
            if (clash != null) {
                throw new ConfigurationError(
                        "CDC tables '"
                                + clash.source()
                                + "' and '"
                                + spec.source()
                                + "' would both be bronze.cdc_"
                                + spec.name(),
                        "give one of them a distinct 'name'");
            }
            CdcFormat format = formatByTopic.putIfAbsent(spec.topic(), spec.format());
            if (format != null && format != spec.format()) {
                throw new ConfigurationError(
                        "Topic "
                                + spec.topic()
                                + " is listed with formats "
                                + format.id()
                                + " and "
                                + spec.format().id(),
                        "a topic carries one format; fix the 'format' entries");
            }
        }
        return List.copyOf(specs);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
