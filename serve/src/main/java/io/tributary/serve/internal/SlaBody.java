package io.tributary.serve.internal;

import io.tributary.pipelines.metrics.sla.SlaRange;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body of {@code POST /slas} and {@code PUT /slas/{id}}, checked field by field: every refusal
 * names the field and the fix, and a metric the service does not follow names the nearest it does
 * (an SLA on a misspelt metric would be "no data" forever).
 */
@Internal
final class SlaBody {
    static final String EXAMPLE =
            "{\"name\": \"web hosts\", \"metrics\": {\"cpuUsage\": {\"min\": null, \"max\": 80}}}";
    private static final Set<String> FIELDS = Set.of("name", "metrics", "revision");
    private static final Set<String> RANGE_FIELDS = Set.of("min", "max");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final String name;
    final Map<String, SlaRange> metrics;

    /**
     * The revision the body says it changes, if it says one (PUT may send it instead of If-Match).
     */
    final Integer revision;

    private SlaBody(String name, Map<String, SlaRange> metrics, Integer revision) {
        this.name = name;
        this.metrics = metrics;
        this.revision = revision;
    }

    static SlaBody parse(byte[] body, List<String> knownMetrics) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest(
                    "the body is not JSON: " + e.getOriginalMessage(),
                    "send an SLA such as " + EXAMPLE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest(
                    "the body must be a JSON object", "send an SLA such as " + EXAMPLE);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw ApiError.badRequest(
                        "unknown field '" + field + "'", Nearest.hint(field, List.copyOf(FIELDS)));
            }
        }
        JsonNode name = root.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw ApiError.badRequest(
                    "'name' is missing or empty", "give the SLA a name, e.g. " + EXAMPLE);
        }
        JsonNode metrics = root.get("metrics");
        if (metrics == null || !metrics.isObject() || metrics.size() == 0) {
            throw ApiError.badRequest(
                    "'metrics' must be an object with at least one metric",
                    "give each metric its range, e.g. " + EXAMPLE);
        }
        Map<String, SlaRange> ranges = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!knownMetrics.contains(e.getKey())) {
                throw ApiError.badRequest(
                        "the service follows no metric '" + e.getKey() + "'",
                        Nearest.hint(e.getKey(), knownMetrics));
            }
            ranges.put(e.getKey(), range(e.getKey(), e.getValue()));
        }
        JsonNode revision = root.get("revision");
        if (revision != null && !revision.isNull() && !revision.canConvertToInt()) {
            throw ApiError.badRequest(
                    "'revision' must be a whole number", "send the revision you read, e.g. 1");
        }
        return new SlaBody(
                name.asText(),
                ranges,
                revision == null || revision.isNull() ? null : revision.asInt());
    }

    private static SlaRange range(String metric, JsonNode range) {
        String where = "metrics." + metric;
        if (!range.isObject()) {
            throw ApiError.badRequest(
                    where + " must be an object", "write it as {\"min\": 10, \"max\": 80}");
        }
        for (Iterator<String> it = range.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!RANGE_FIELDS.contains(field)) {
                throw ApiError.badRequest(
                        "unknown field '" + field + "' in " + where,
                        Nearest.hint(field, List.of("min", "max")));
            }
        }
        Double min = bound(where + ".min", range.get("min"));
        Double max = bound(where + ".max", range.get("max"));
        try {
            return new SlaRange(min, max);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(
                    where + ": " + e.getMessage(),
                    "give a min, a max or both, with min at most max");
        }
    }

    private static Double bound(String where, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw ApiError.badRequest(
                    where + " must be a number or null, not " + value,
                    "write it as a number, e.g. 80");
        }
        return value.asDouble();
    }
}
