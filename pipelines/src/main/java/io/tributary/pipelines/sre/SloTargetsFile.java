package io.tributary.pipelines.sre;

import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.udfs.sre.SloComparator;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The SLO targets file (OpenSLO-like YAML: a {@code slos} list of name, sli, comparator, target and
 * windows). Without a file the bundled defaults apply: last year's targets. Every mistake is a
 * {@link ConfigurationError} that names the entry and the fix.
 */
@PublicEvolving
public final class SloTargetsFile {
    private static final String DEFAULTS = "slo-targets.yaml";

    private SloTargetsFile() {}

    /** Last year's targets, as bundled. */
    public static List<SloTarget> defaults() {
        try (InputStream in = SloTargetsFile.class.getResourceAsStream(DEFAULTS)) {
            return parse(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "the bundled " + DEFAULTS);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled " + DEFAULTS, e);
        }
    }

    public static List<SloTarget> load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationError(
                    "SLO targets file " + file + " does not exist",
                    "point it at a YAML file with a 'slos' list, or leave it unset for last year's targets");
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ConfigurationError(
                    "Cannot read SLO targets file " + file + ": " + e.getMessage(),
                    "check the file's permissions");
        }
    }

    static List<SloTarget> parse(String yaml, String origin) {
        Object root;
        try (Reader reader = new StringReader(yaml)) {
            root = new Yaml().load(reader);
        } catch (IOException | YAMLException e) {
            throw new ConfigurationError(
                    "Cannot read SLO targets from " + origin + ": " + e.getMessage(),
                    "check the YAML syntax");
        }
        Object slos = root instanceof Map ? ((Map<?, ?>) root).get("slos") : null;
        if (!(slos instanceof List) || ((List<?>) slos).isEmpty()) {
            throw new ConfigurationError(
                    origin + " has no 'slos' list",
                    "start it with 'slos:' and one '- name: ...' entry per SLO");
        }
        List<SloTarget> targets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Object entry : (List<?>) slos) {
            SloTarget target = target(entry, origin);
            if (!names.add(target.name())) {
                throw new ConfigurationError(
                        origin + " names two SLOs '" + target.name() + "'",
                        "give each SLO its own name");
            }
            targets.add(target);
        }
        return List.copyOf(targets);
    }

    private static SloTarget target(Object entry, String origin) {
        if (!(entry instanceof Map)) {
            throw new ConfigurationError(
                    origin + " has an SLO entry that is not a mapping",
                    "write each SLO as '- name: ...' with sli, comparator and target indented below");
        }
        Map<?, ?> map = (Map<?, ?>) entry;
        String name = required(map, "name", origin, "?");
        String where = origin + ", SLO '" + name + "'";
        String sli = required(map, "sli", origin, name);
        if (!SloTarget.SLIS.contains(sli)) {
            throw new ConfigurationError(
                    where + " has the unknown SLI '" + sli + "'", "use one of " + SloTarget.SLIS);
        }
        SloComparator comparator;
        try {
            comparator = SloComparator.parse(required(map, "comparator", origin, name));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError(where + ": " + e.getMessage(), "use lte or gte");
        }
        Object target = map.get("target");
        if (!(target instanceof Number)) {
            throw new ConfigurationError(
                    where + " has no numeric 'target'",
                    "give the target as a number, e.g. target: 94");
        }
        List<String> windows = new ArrayList<>();
        Object listed = map.get("windows");
        if (listed == null) {
            windows.addAll(List.of("month", "year"));
        } else if (listed instanceof List) {
            ((List<?>) listed).forEach(w -> windows.add(String.valueOf(w)));
        } else {
            windows.add(String.valueOf(listed));
        }
        for (String window : windows) {
            if (!SloTarget.WINDOWS.contains(window)) {
                throw new ConfigurationError(
                        where + " has the unknown window '" + window + "'",
                        "use month and/or year");
            }
        }
        return new SloTarget(name, sli, comparator, ((Number) target).doubleValue(), windows);
    }

    private static String required(Map<?, ?> map, String key, String origin, String name) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new ConfigurationError(
                    origin + ", SLO '" + name + "' has no '" + key + "'", "add '" + key + ": ...'");
        }
        return String.valueOf(value).trim();
    }
}
