package io.tributary.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.runtime.TributaryOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class ConfigCommandTest {
    @Test
    void eachSettingShowsItsValueOrItsDefaultAsAProfileSpellsIt() {
        Configuration profile = new Configuration();
        profile.set(TributaryOptions.LAKE_ROOT, "./tributary-data/lake");
        profile.set(TributaryOptions.STREAMING_MONITOR_INTERVAL, Duration.ofMillis(1500));
        Map<String, List<Object>> rows = byKey(ConfigCommand.rows(profile));

        assertThat(rows.get("tributary.lake.root").get(2)).isEqualTo("./tributary-data/lake");
        assertThat(rows.get("tributary.streaming.monitor-interval").get(2)).isEqualTo("1500 ms");
        assertThat(rows.get("tributary.streaming.checkpoint-interval").get(2))
                .isEqualTo("10 s (default)");
        assertThat(rows.get("tributary.kafka.bootstrap-servers").get(2))
                .as("no value, no default")
                .isNull();
    }

    @Test
    void descriptionsAreTextNotHtml() {
        Map<String, List<Object>> rows = byKey(ConfigCommand.rows(new Configuration()));
        assertThat(rows.get("tributary.lake.root").get(3))
                .isEqualTo("Root of the lake: tables live at <root>/<layer>/<table>.");
        assertThat(rows.values())
                .allSatisfy(
                        row ->
                                assertThat(String.valueOf(row.get(3)))
                                        .doesNotContain("&lt;", "&gt;", "&amp;"));
    }

    private static Map<String, List<Object>> byKey(List<List<Object>> rows) {
        return rows.stream().collect(Collectors.toMap(r -> (String) r.get(1), r -> r));
    }
}
