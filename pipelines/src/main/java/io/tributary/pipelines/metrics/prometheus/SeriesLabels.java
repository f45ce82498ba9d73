package io.tributary.pipelines.metrics.prometheus;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.annotation.Internal;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;

/**
 * A series' label set in Prometheus text form, as the {@code series} column holds it: {@code
 * {instance="h1:9100",job="node"}}, labels sorted by name, {@code __name__} left out, values
 * escaped as the exposition format escapes them.
 */
@Internal
public final class SeriesLabels {
    private SeriesLabels() {}

    /** The text of a response's {@code metric} object. */
    public static String of(JsonNode metric) {
        Map<String, String> labels = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = metric.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!"__name__".equals(f.getKey())) {
                labels.put(f.getKey(), f.getValue().asText());
            }
        }
        return of(labels);
    }

    public static String of(Map<String, String> labels) {
        StringBuilder text = new StringBuilder("{");
        new TreeMap<>(labels)
                .forEach(
                        (name, value) -> {
                            if (!"__name__".equals(name)) {
                                text.append(text.length() > 1 ? "," : "")
                                        .append(name)
                                        .append("=\"")
                                        .append(escape(value))
                                        .append('"');
                            }
                        });
        return text.append('}').toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
