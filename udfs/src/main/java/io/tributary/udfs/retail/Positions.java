package io.tributary.udfs.retail;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;

/** The ranked-array aggregates' accumulator: values by position. */
@Internal
final class Positions {
    private Positions() {}

    static <T> void put(Map<Integer, T> values, Integer position, T value) {
        if (position != null) {
            values.put(position, value);
        }
    }

    static <T> void remove(Map<Integer, T> values, Integer position, T value) {
        if (position != null && Objects.equals(values.get(position), value)) {
            values.remove(position);
        }
    }

    static <T> List<T> inOrder(Map<Integer, T> values) {
        return new TreeMap<>(values).values().stream().collect(Collectors.toList());
    }
}
