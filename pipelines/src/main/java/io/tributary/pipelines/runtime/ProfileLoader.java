package io.tributary.pipelines.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads a YAML profile into a Flink {@link Configuration}. Nested maps become dotted keys ({@code
 * tributary: {lake: {root: x}}} is {@code tributary.lake.root = x}); {@code -D key=value} overrides
 * are applied last. Keys outside {@code tributary.} are Flink's own settings; a {@code tributary.*}
 * key nothing reads is refused ({@link KnownSettings}).
 */
@Internal
public final class ProfileLoader {
    public static final Path DEFAULT_PROFILE = Path.of("conf", "local.yaml");

    private ProfileLoader() {}

    public static Configuration load(Path profile, List<String> overrides) {
        Configuration conf = new Configuration();
        Path file = profile != null ? profile : DEFAULT_PROFILE;
        if (Files.exists(file)) {
            flatten("", read(file), conf);
        } else if (profile != null) {
            throw new ConfigurationError(
                    "Profile " + profile + " does not exist",
                    "pass an existing YAML file to --conf, or leave it out to use "
                            + DEFAULT_PROFILE);
        }
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationError(
                        "Override '-D " + override + "' is not key=value",
                        "write it as -D tributary.lake.root=/data/lake");
            }
            conf.setString(override.substring(0, eq).trim(), override.substring(eq + 1).trim());
        }
        KnownSettings.check(conf);
        return conf;
    }

    private static Map<?, ?> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object yaml = new Yaml().load(reader);
            if (yaml == null) {
                return Map.of();
            }
            if (!(yaml instanceof Map)) {
                throw new ConfigurationError(
                        "Profile " + file + " is not a YAML mapping",
                        "write settings as 'key: value' lines");
            }
            return (Map<?, ?>) yaml;
        } catch (IOException | YAMLException e) {
            throw new ConfigurationError(
                    "Cannot read profile " + file + ": " + e.getMessage(),
                    "check the file's YAML syntax");
        }
    }

    private static void flatten(String prefix, Map<?, ?> map, Configuration conf) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        map.forEach((k, v) -> ordered.put(String.valueOf(k), v));
        ordered.forEach(
                (key, value) -> {
                    String full = prefix.isEmpty() ? key : prefix + "." + key;
                    if (value instanceof Map) {
                        flatten(full, (Map<?, ?>) value, conf);
                    } else if (value != null) {
                        conf.setString(full, String.valueOf(value));
                    }
                });
    }
}
