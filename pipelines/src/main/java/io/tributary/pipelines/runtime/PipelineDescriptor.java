package io.tributary.pipelines.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.annotation.PublicEvolving;
import org.yaml.snakeyaml.Yaml;

/**
 * A pipeline's tables and stages, declared in {@code pipeline.yaml} beside its {@code tables/} and
 * {@code sql/} folders: every pipeline is declared this way.
 *
 * <pre>{@code
 * tables:                              # in order; each is tables/<entry>.sql, a CREATE TABLE
 *   - bronze.weblogs_raw
 *   - {each: table, template: bronze.cdc_table}   # once per item, ${...} filled from the item
 * stages:
 *   batch:                             # each stage runs as one job, in this order
 *     - name: landing → bronze, silver
 *       statements: [view.weblogs_parsed, bronze.weblogs_raw]   # sql/<entry>.sql
 *     - name: silver → gold
 *       derived: true                  # computed from lake tables alone (see Stage.derived)
 *       in-job-before: true            # run by the job of the stage before (see Stage.inJobBefore)
 *       statements: [gold.weblogs_summary]
 *   streaming:
 *     - name: kafka → bronze, silver → gold
 *       statements: [...]
 *       live-tables: [silver.weblogs_requests]   # read live by the live-readers (see Stage)
 *       live-readers: [gold.weblogs_summary]
 * }</pre>
 *
 * <p>A statement or table entry {@code {each: <list>, template: <name>}} (or {@code templates:
 * [...]} for several) is repeated for every item of the list the pipeline names by {@code <list>},
 * the item's values filling the template's {@code ${key}} placeholders; the pipeline's {@link
 * Bindings} give the lists, values every statement shares, and a last rewrite of each statement for
 * the mode (e.g. skipping rows a table holds).
 */
@PublicEvolving
public final class PipelineDescriptor {
    private final Class<?> owner;
    private final Map<String, Object> yaml;

    private PipelineDescriptor(Class<?> owner, Map<String, Object> yaml) {
        this.owner = owner;
        this.yaml = yaml;
    }

    /** {@code pipeline.yaml} beside {@code owner}. */
    public static PipelineDescriptor load(Class<?> owner) {
        try (InputStream in = owner.getResourceAsStream("pipeline.yaml")) {
            if (in == null) {
                throw new IllegalStateException(
                        "pipeline.yaml is missing beside " + owner.getName());
            }
            return new PipelineDescriptor(owner, new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a pipeline fills its descriptor's templates with. */
    @PublicEvolving
    public interface Bindings {
        /**
         * The items of the list {@code each} names; each item's values fill one copy of a template.
         */
        default List<Map<String, String>> items(String each) {
            throw new IllegalStateException("no list '" + each + "' to repeat templates over");
        }

        /** Values every statement's placeholders may use. */
        default Map<String, String> shared(PipelineMode mode) {
            return Map.of();
        }

        /**
         * The statement as the job runs it; {@code name} is its entry ({@code bronze.weblogs_raw}).
         */
        default String rewrite(String name, String sql, PipelineMode mode) {
            return sql;
        }
    }

    /**
     * The tables without templates, qualified: those whose names do not depend on the pipeline's
     * input.
     */
    public List<String> fixedTables() {
        List<String> names = new ArrayList<>();
        for (Object entry : list(yaml, "tables")) {
            if (entry instanceof String) {
                names.add((String) entry);
            }
        }
        return names;
    }

    /** The fixed tables of the layers named, qualified, in declaration order. */
    public List<String> fixedTables(String layer, String... moreLayers) {
        List<String> layers = new ArrayList<>(List.of(moreLayers));
        layers.add(layer);
        return fixedTables().stream()
                .filter(t -> layers.contains(t.substring(0, t.indexOf('.'))))
                .collect(java.util.stream.Collectors.toList());
    }

    /**
     * Every table entry with the first comment line of its {@code tables/} file: a fixed table by
     * its name, a template by its entry and list ({@code bronze.cdc_table (each table)}).
     */
    public Map<String, String> described() {
        Map<String, String> described = new java.util.LinkedHashMap<>();
        for (Object entry : list(yaml, "tables")) {
            List<String> names;
            String suffix = "";
            if (entry instanceof String) {
                names = List.of((String) entry);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> repeated = (Map<String, Object>) entry;
                names =
                        repeated.containsKey("template")
                                ? List.of((String) repeated.get("template"))
                                : strings(list(repeated, "templates"));
                suffix = " (each " + repeated.get("each") + ")";
            }
            for (String name : names) {
                described.put(
                        name + suffix, SqlResource.description(owner, "tables/" + name + ".sql"));
            }
        }
        return described;
    }

    public List<LakeTable> tables(Bindings bindings) {
        List<LakeTable> tables = new ArrayList<>();
        expand(
                list(yaml, "tables"),
                bindings,
                Map.of(),
                (name, values) ->
                        tables.add(
                                LakeTable.fromDdl(
                                        SqlResource.load(
                                                owner, "tables/" + name + ".sql", values))));
        return tables;
    }

    public List<Pipeline.Stage> stages(PipelineMode mode, Bindings bindings) {
        Map<String, String> shared = bindings.shared(mode);
        List<Pipeline.Stage> stages = new ArrayList<>();
        for (Object stage : list(map(yaml, "stages"), mode.name().toLowerCase(Locale.ROOT))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) stage;
            Function<String, List<String>> statements =
                    key -> {
                        List<String> sql = new ArrayList<>();
                        expand(
                                s.containsKey(key) ? list(s, key) : List.of(),
                                bindings,
                                shared,
                                (name, values) ->
                                        sql.add(
                                                bindings.rewrite(
                                                        name,
                                                        SqlResource.load(
                                                                owner,
                                                                "sql/" + name + ".sql",
                                                                values),
                                                        mode)));
                        return sql;
                    };
            String name = (String) s.get("name");
            for (Map.Entry<String, String> value : shared.entrySet()) {
                name = name.replace("${" + value.getKey() + "}", value.getValue());
            }
            List<String> live =
                    s.containsKey("live-tables") ? strings(list(s, "live-tables")) : List.of();
            if (Boolean.TRUE.equals(s.get("derived"))) {
                Pipeline.Stage derived =
                        Pipeline.Stage.derived(name, statements.apply("statements"));
                stages.add(
                        Boolean.TRUE.equals(s.get("in-job-before"))
                                ? derived.inJobBefore()
                                : derived);
            } else if (s.containsKey("in-job-before")) {
                throw new IllegalStateException(
                        owner.getSimpleName()
                                + "'s pipeline.yaml: stage '"
                                + name
                                + "' has in-job-before but is not derived");
            } else {
                stages.add(
                        new Pipeline.Stage(
                                name,
                                statements.apply("statements"),
                                live,
                                statements.apply("live-readers")));
            }
        }
        if (stages.isEmpty()) {
            throw new IllegalStateException(
                    owner.getSimpleName() + "'s pipeline.yaml has no " + mode + " stages");
        }
        return stages;
    }

    private interface EntryVisitor {
        void visit(String name, Map<String, String> values);
    }

    private static void expand(
            List<Object> entries,
            Bindings bindings,
            Map<String, String> shared,
            EntryVisitor visitor) {
        for (Object entry : entries) {
            if (entry instanceof String) {
                visitor.visit((String) entry, shared);
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> repeated = (Map<String, Object>) entry;
            List<String> templates =
                    repeated.containsKey("template")
                            ? List.of((String) repeated.get("template"))
                            : strings(list(repeated, "templates"));
            for (Map<String, String> item : bindings.items((String) repeated.get("each"))) {
                Map<String, String> values = new java.util.HashMap<>(shared);
                values.putAll(item);
                templates.forEach(t -> visitor.visit(t, values));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> yaml, String key) {
        Object value = yaml.get(key);
        if (!(value instanceof List)) {
            throw new IllegalStateException("pipeline.yaml: '" + key + "' must be a list");
        }
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> yaml, String key) {
        Object value = yaml.get(key);
        if (!(value instanceof Map)) {
            throw new IllegalStateException("pipeline.yaml: '" + key + "' must be a mapping");
        }
        return (Map<String, Object>) value;
    }

    private static List<String> strings(List<Object> values) {
        List<String> strings = new ArrayList<>();
        values.forEach(v -> strings.add((String) v));
        return strings;
    }
}
