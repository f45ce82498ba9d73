package io.tributary.serve.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaBodyTest {
    private static final List<String> METRICS = List.of("cpuUsage", "memoryAvailable");

    private static SlaBody parse(String json) {
        return SlaBody.parse(json.getBytes(StandardCharsets.UTF_8), METRICS);
    }

    @Test
    void aBodyBecomesTheSlasRanges() {
        SlaBody body =
                parse(
                        "{\"name\": \"web\", \"metrics\": {\"cpuUsage\": {\"min\": null, \"max\": 80},"
                                + " \"memoryAvailable\": {\"min\": 1e9}}, \"revision\": 3}");
        assertThat(body.name).isEqualTo("web");
        assertThat(body.metrics.get("cpuUsage").min()).isNull();
        assertThat(body.metrics.get("cpuUsage").max()).isEqualTo(80.0);
        assertThat(body.metrics.get("memoryAvailable").min()).isEqualTo(1e9);
        assertThat(body.metrics.get("memoryAvailable").max()).isNull();
        assertThat(body.revision).isEqualTo(3);
    }

    @Test
    void everyRefusalNamesWhatIsWrongAndTheFix() {
        assertRefused("{\"name\": ", "not JSON", "send an SLA such as");
        assertRefused("{\"name\": \"\", \"metrics\": {}}", "'name'", "give the SLA a name");
        assertRefused("{\"name\": \"x\", \"metrics\": {}}", "at least one", "give each metric");
        assertRefused(
                "{\"name\": \"x\", \"metrics\": {\"memoryAvailabe\": {\"min\": 1}}}",
                "no metric 'memoryAvailabe'",
                "did you mean 'memoryAvailable'?");
        assertRefused(
                "{\"name\": \"x\", \"metrics\": {\"cpuUsage\": {\"mx\": 1}}}",
                "unknown field 'mx' in metrics.cpuUsage",
                "did you mean 'max'?");
        assertRefused(
                "{\"name\": \"x\", \"metrics\": {\"cpuUsage\": {\"min\": 5, \"max\": 1}}}",
                "metrics.cpuUsage: min 5.0 is above max 1.0",
                "min at most max");
        assertRefused(
                "{\"name\": \"x\", \"metrics\": {\"cpuUsage\": {\"max\": true}}}",
                "metrics.cpuUsage.max must be a number",
                "e.g. 80");
        assertRefused(
                "{\"name\": \"x\", \"metrics\": {\"cpuUsage\": {\"max\": 1}}, \"revision\": \"a\"}",
                "'revision' must be a whole number",
                "the revision you read");
    }

    private static void assertRefused(String json, String error, String fix) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(
                        ApiError.class,
                        e -> {
                            assertThat(e.status).isEqualTo(400);
                            assertThat(e.getMessage()).contains(error);
                            assertThat(e.fix).contains(fix);
                        });
    }
}
