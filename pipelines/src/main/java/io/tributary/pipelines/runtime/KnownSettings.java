package io.tributary.pipelines.runtime;

import io.tributary.connector.delta.DeltaWriteConf;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.FallbackKey;

/**
 * Every {@code tributary.*} key Tributary reads: its own options, the Delta writers' job-wide
 * defaults ({@link DeltaWriteConf}) and those of each registered pipeline. A profile or {@code -D}
 * override with any other {@code tributary.*} key is refused at start, naming the nearest valid
 * key: a misspelt setting silently ignored is a job that runs on a default the user meant to
 * change. Keys outside {@code tributary.} are Flink's and left to it.
 */
@Internal
public final class KnownSettings {
    static final String PREFIX = "tributary.";

    /**
     * Keys under these prefixes are passed through (Kafka client settings, checked by the client;
     * Kinesis source settings, checked by {@code KinesisSources}), not Tributary's own.
     */
    private static final List<String> OPEN_PREFIXES =
            List.of("tributary.kafka.properties.", "tributary.kinesis.properties.");

    private KnownSettings() {}

    /** The options Tributary and its registered pipelines read. */
    public static List<ConfigOption<?>> options() {
        List<ConfigOption<?>> options = new ArrayList<>(OptionFields.of(TributaryOptions.class));
        options.addAll(OptionFields.of(DeltaWriteConf.class));
        Pipelines.all().forEach(p -> options.addAll(p.options()));
        Tools.all().forEach(t -> options.addAll(t.options()));
        return options;
    }

    /** The keys Tributary and its registered pipelines read, sorted. */
    public static TreeSet<String> keys() {
        TreeSet<String> keys = new TreeSet<>();
        for (ConfigOption<?> option : options()) {
            keys.add(option.key());
            for (FallbackKey fallback : option.fallbackKeys()) {
                keys.add(fallback.getKey());
            }
        }
        return keys;
    }

    /**
     * Refuses the first {@code tributary.*} key of {@code conf} that nothing reads, or whose value
     * its option cannot read.
     */
    public static void check(Configuration conf) {
        for (ConfigOption<?> option : options()) {
            try {
                conf.getOptional(option);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationError(
                        "Invalid value '"
                                + conf.toMap().get(option.key())
                                + "' for "
                                + option.key(),
                        describeValues(option));
            }
        }
        TreeSet<String> known = keys();
        for (String key : new TreeSet<>(conf.keySet())) {
            if (key.startsWith(PREFIX)
                    && !known.contains(key)
                    && OPEN_PREFIXES.stream().noneMatch(key::startsWith)) {
                throw new ConfigurationError(
                        "Unknown setting '" + key + "'",
                        nearest(key, known)
                                .map(k -> "did you mean " + k + "? (every key: tributary config)")
                                .orElse("'tributary config' lists every key"));
            }
        }
    }

    private static String describeValues(ConfigOption<?> option) {
        Object example = option.hasDefaultValue() ? option.defaultValue() : null;
        if (example instanceof Enum) {
            return "use one of "
                    + java.util.Arrays.stream(
                                    ((Enum<?>) example).getDeclaringClass().getEnumConstants())
                            .map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", "));
        }
        return example == null
                ? "'tributary config' describes the key"
                : "give a value like its default, "
                        + example
                        + " ('tributary config' describes the key)";
    }

    /** The known name nearest {@code key}, if {@code key} looks like a misspelling of it. */
    public static Optional<String> nearest(String key, Iterable<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(key, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // A key nearer to nothing than a third of its length is not a misspelling of any.
        return best != null && bestDistance <= Math.max(3, key.length() / 3)
                ? Optional.of(best)
                : Optional.empty();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
