package io.tributary.pipelines.metrics.prometheus;

import io.tributary.pipelines.metrics.internal.SampleRows;
import io.tributary.pipelines.runtime.LiveTables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Consumer;
import org.apache.flink.annotation.Internal;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.DeserializationFeature;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.table.data.RowData;

/**
 * Reads a Prometheus {@code query_range} response ({@code {"status": "success", "data":
 * {"resultType": "matrix", "result": [{"metric": {...}, "values": [[t, "v"], ...]}]}}}) into {@link
 * SampleRows}: one row per sample, and a reject row, with the reason, for a response that is not
 * one or a pair that is not a sample. A value that is not a finite number (NaN, ±Inf) is rejected
 * too: the statistics and the SLA checks need numbers.
 */
@Internal
public final class QueryRangeResponse {
    // Exact decimals: a time such as 1700000000.123 must not pass through a double.
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int SHOWN = 200;

    /** How the source of every stream row starts. */
    public static final String STREAM_PREFIX = "prometheus:";

    static final String STREAM_ORIGIN = LiveTables.STREAM_ORIGIN;

    private final String metric;
    private final String source;
    private final String origin;
    private final Consumer<RowData> out;
    private final boolean positionIsTime;
    private long position;
    private long samples;

    private QueryRangeResponse(
            String metric,
            String source,
            String origin,
            Consumer<RowData> out,
            boolean positionIsTime) {
        this.metric = metric;
        this.source = source;
        this.origin = origin;
        this.out = out;
        this.positionIsTime = positionIsTime;
    }

    /**
     * Emits the rows of one response body.
     *
     * @return the samples read (rejects not counted)
     */
    public static long read(
            String body, String metric, String source, String origin, Consumer<RowData> out) {
        QueryRangeResponse response = new QueryRangeResponse(metric, source, origin, out, false);
        response.read(body);
        return response.samples;
    }

    /**
     * Emits the rows of a stream's answer: their source is {@link #streamSource} and their position
     * the sample's time in milliseconds, the order a fresh start resumes by.
     */
    public static void readStream(String body, String metric, Consumer<RowData> out) {
        new QueryRangeResponse(metric, streamSource(metric), STREAM_ORIGIN, out, true).read(body);
    }

    /** The source of a stream's rows of {@code metric}. */
    public static String streamSource(String metric) {
        return STREAM_PREFIX + metric;
    }

    /** The error a failed response states, or null if it is a success or not a response. */
    public static String error(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            return "error".equals(root.path("status").asText())
                    ? root.path("errorType").asText() + ": " + root.path("error").asText()
                    : null;
        } catch (Exception e) {
            return null;
        }
    }

    private void read(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            rejectResponse(body, "not JSON: " + firstLine(e.getMessage()));
            return;
        }
        if (root == null || !root.isObject()) {
            rejectResponse(body, "not a Prometheus API response (no JSON object)");
            return;
        }
        String status = root.path("status").asText();
        if (!"success".equals(status)) {
            rejectResponse(
                    body,
                    "error".equals(status)
                            ? "Prometheus answered " + error(body)
                            : "not a Prometheus API response (status '" + status + "')");
            return;
        }
        String type = root.path("data").path("resultType").asText();
        if (!"matrix".equals(type)) {
            rejectResponse(
                    body,
                    "resultType is '"
                            + type
                            + "', not 'matrix': save the answer of /api/v1/query_range");
            return;
        }
        for (JsonNode series : root.path("data").path("result")) {
            String labels = SeriesLabels.of(series.path("metric"));
            for (JsonNode pair : series.path("values")) {
                sample(labels, pair);
            }
        }
    }

    private void sample(String labels, JsonNode pair) {
        position++;
        if (!pair.isArray()
                || pair.size() != 2
                || !pair.get(0).isNumber()
                || !pair.get(1).isTextual()) {
            out.accept(
                    SampleRows.reject(
                            metric,
                            labels,
                            null,
                            shown(pair.toString()),
                            source,
                            positionIsTime ? 0 : position,
                            origin,
                            "not a [unix seconds, \"value\"] pair"));
            return;
        }
        long ts =
                pair.get(0)
                        .decimalValue()
                        .movePointRight(3)
                        .setScale(0, RoundingMode.HALF_EVEN)
                        .longValue();
        long ordinal = positionIsTime ? ts : position;
        String value = pair.get(1).asText();
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            number = Double.NaN;
        }
        if (!Double.isFinite(number)) {
            out.accept(
                    SampleRows.reject(
                            metric,
                            labels,
                            ts,
                            value,
                            source,
                            ordinal,
                            origin,
                            "value '" + value + "' is not a finite number"));
            return;
        }
        samples++;
        out.accept(SampleRows.sample(metric, labels, ts, value, source, ordinal, origin));
    }

    private void rejectResponse(String body, String reason) {
        out.accept(SampleRows.reject(metric, null, null, shown(body), source, 0, origin, reason));
    }

    private static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }

    /** Seconds with a fraction, as the API writes times. */
    static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }
}
