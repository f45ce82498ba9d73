package io.tributary.pipelines.sre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.udfs.sre.SloComparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloTargetsFileTest {
    @Test
    void theDefaultsAreLastYearsTargets() {
        assertThat(SloTargetsFile.defaults())
                .extracting(SloTarget::sli, SloTarget::comparator, SloTarget::target)
                .containsExactly(
                        tuple("deploy_interval_hours", SloComparator.LTE, 3.5),
                        tuple("failures_per_deploy", SloComparator.LTE, 4.5),
                        tuple("availability_pct", SloComparator.GTE, 94.0),
                        tuple("response_days", SloComparator.LTE, 1.5));
        assertThat(SloTargetsFile.defaults())
                .allSatisfy(t -> assertThat(t.windows()).containsExactly("month", "year"));
        assertThat(SloTargetsFile.defaults().get(2).hasErrorBudget()).isTrue();
    }

    @Test
    void aFileSetsItsOwnTargetsAndWindows() {
        List<SloTarget> targets =
                SloTargetsFile.parse(
                        "slos:\n"
                                + "  - {name: uptime, sli: availability_pct, comparator: '>=', target: 99.5, windows: month}\n",
                        "test");
        assertThat(targets)
                .singleElement()
                .satisfies(
                        t -> {
                            assertThat(t.target()).isEqualTo(99.5);
                            assertThat(t.comparator()).isEqualTo(SloComparator.GTE);
                            assertThat(t.windows()).containsExactly("month");
                        });
    }

    @Test
    void mistakesNameTheEntryAndTheFix() {
        assertThatThrownBy(() -> SloTargetsFile.parse("slos: []", "f.yaml"))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("f.yaml has no 'slos' list");
        assertThatThrownBy(
                        () ->
                                SloTargetsFile.parse(
                                        "slos:\n  - {name: x, sli: latency_ms, comparator: lte, target: 1}",
                                        "f.yaml"))
                .hasMessageContaining("SLO 'x' has the unknown SLI 'latency_ms'");
        assertThatThrownBy(
                        () ->
                                SloTargetsFile.parse(
                                        "slos:\n  - {name: x, sli: response_days, comparator: about, target: 1}",
                                        "f.yaml"))
                .hasMessageContaining("Unknown SLO comparator 'about'");
        assertThatThrownBy(
                        () ->
                                SloTargetsFile.parse(
                                        "slos:\n  - {name: x, sli: response_days, comparator: lte, target: soon}",
                                        "f.yaml"))
                .hasMessageContaining("no numeric 'target'");
        assertThatThrownBy(
                        () ->
                                SloTargetsFile.parse(
                                        "slos:\n  - {name: x, sli: response_days, comparator: lte, target: 1, windows: week}",
                                        "f.yaml"))
                .hasMessageContaining("unknown window 'week'");
        assertThatThrownBy(
                        () ->
                                SloTargetsFile.parse(
                                        "slos:\n  - {name: x, sli: response_days, comparator: lte, target: 1}\n"
                                                + "  - {name: x, sli: availability_pct, comparator: gte, target: 90}",
                                        "f.yaml"))
                .hasMessageContaining("names two SLOs 'x'");
    }
}
