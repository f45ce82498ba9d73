package io.tributary.pipelines.metrics.series;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.metrics.sla.Sla;
import io.tributary.pipelines.metrics.sla.SlaRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

/**
 * The stream's per-series operator against a one-shot computation: after samples arriving out of
 * order, retractions (a backfill replacing a range), refreshes at checkpoint barriers, restores
 * from snapshots and SLAs changed while it runs, the rows it has emitted (retractions applied) are
 * exactly those of the samples left and the SLAs in force, computed at once.
 */
class SeriesOperatorTest {
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final long T0 = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    private static final List<Sla> FIRST_SLAS =
            List.of(
                    new Sla("s1", "busy", 1, Map.of("cpu", new SlaRange(null, 18.0))),
                    new Sla("s2", "other metric", 1, Map.of("memory", new SlaRange(1.0, null))));

    /** The SLAs in force, as the operator reads them before each barrier; the test changes them. */
    private static volatile List<Sla> slas = FIRST_SLAS;

    private static final List<OutputTag<Row>> SIDES =
            List.of(
                    SeriesOperator.METADATA,
                    SeriesOperator.FORECAST,
                    SeriesOperator.ACCURACY,
                    SeriesOperator.SLA_VIOLATIONS,
                    SeriesOperator.SLA_PREDICTIONS);
    private static final List<String> SERIES =
            List.of("{instance=\"h1:9100\"}", "{instance=\"h2:9100\"}");

    @Test
    void emittedChangesAddUpToTheRowsOfTheSamplesLeft() throws Exception {
        slas = FIRST_SLAS;
        Random random = new Random(18);
        Map<String, SeriesSamples> truth = new HashMap<>();
        Map<Row, Integer> sink = new HashMap<>();
        Map<OutputTag<Row>, Map<Row, Integer>> sides = new HashMap<>();
        for (OutputTag<Row> tag : SIDES) {
            sides.put(tag, new HashMap<>());
        }
        List<Row> live = new ArrayList<>();

        KeyedOneInputStreamOperatorTestHarness<String, Row, Row> harness = open(null);
        long checkpoint = 0;
        for (int round = 0; round < 12; round++) {
            // New samples, mostly ahead of the rest, some late; then some retracted. Every third
            // round only retracts: a change far behind the head must reach the ends after it.
            for (int i = 0; i < (round % 3 == 2 ? 0 : 400); i++) {
                String series = SERIES.get(random.nextInt(SERIES.size()));
                long ts = T0 + (round * 400L + random.nextInt(600)) * 15_000L;
                double value = Math.round(random.nextGaussian() * 1000) / 100.0;
                Row row = Row.ofKind(RowKind.INSERT, "cpu", series, MetricWindows.utc(ts), value);
                harness.processElement(new StreamRecord<>(row));
                truth.computeIfAbsent(series, s -> new SeriesSamples()).add(ts, value);
                live.add(row);
            }
            for (int i = 0; i < 40 && !live.isEmpty(); i++) {
                Row gone = live.remove(random.nextInt(live.size()));
                Row retraction = Row.copy(gone);
                retraction.setKind(RowKind.DELETE);
                harness.processElement(new StreamRecord<>(retraction));
                truth.get((String) gone.getField(1))
                        .remove(MetricWindows.millis(gone.getFieldAs(2)), gone.getFieldAs(3));
            }
            if (round == 5) {
                // An SLA tightened and one added while the stream runs: every series checked again.
                slas =
                        List.of(
                                new Sla("s1", "busy", 2, Map.of("cpu", new SlaRange(null, 10.0))),
                                FIRST_SLAS.get(1),
                                new Sla("s3", "low", 1, Map.of("cpu", new SlaRange(-12.0, null))));
            }
            harness.prepareSnapshotPreBarrier(++checkpoint);
            OperatorSubtaskState state = harness.snapshot(checkpoint, checkpoint);
            drain(harness, sink, sides);
            if (round % 4 == 3) {
                harness.close();
                if (round == 7) {
                    // Changed while the job was down: the restored rows were checked against the
                    // SLAs before.
                    slas = List.of(slas.get(0), slas.get(1));
                }
                harness = open(state);
            }
        }
        harness.close();

        MetricWindows windows = new MetricWindows(STEP);
        SeriesRows rows = new SeriesRows(windows);
        List<Row> expected = new ArrayList<>();
        Map<OutputTag<Row>, List<Row>> expectedSides = new HashMap<>();
        for (OutputTag<Row> tag : SIDES) {
            expectedSides.put(tag, new ArrayList<>());
        }
        truth.forEach(
                (series, samples) -> {
                    expected.addAll(
                            rows.windowStats("cpu", series, samples, Long.MIN_VALUE, Long.MAX_VALUE)
                                    .values());
                    expectedSides
                            .get(SeriesOperator.SLA_VIOLATIONS)
                            .addAll(
                                    rows.slaViolations(
                                                    slas,
                                                    "cpu",
                                                    series,
                                                    samples,
                                                    Long.MIN_VALUE,
                                                    Long.MAX_VALUE)
                                            .values());
                    LatestRows latest = LatestRows.of(windows, slas, "cpu", series, samples);
                    expectedSides.get(SeriesOperator.METADATA).add(latest.metadata);
                    expectedSides.get(SeriesOperator.FORECAST).add(latest.forecast);
                    expectedSides.get(SeriesOperator.ACCURACY).add(latest.accuracy);
                    expectedSides
                            .get(SeriesOperator.SLA_PREDICTIONS)
                            .addAll(latest.slaPredictions.values());
                });
        assertThat(materialized(sink)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expectedSides.get(SeriesOperator.SLA_VIOLATIONS))
                .extracting(r -> r.getField(11))
                .contains("ok", "violated");
        assertThat(expectedSides.get(SeriesOperator.FORECAST)).doesNotContainNull();
        for (OutputTag<Row> tag : SIDES) {
            assertThat(materialized(sides.get(tag)))
                    .as(tag.getId())
                    .containsExactlyInAnyOrderElementsOf(expectedSides.get(tag));
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Row, Row> open(
            OperatorSubtaskState state) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Row, Row> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new SeriesOperator(STEP, false, () -> slas),
                        SeriesOperator::key,
                        Types.STRING);
        if (state != null) {
            harness.initializeState(state);
        }
        harness.open();
        return harness;
    }

    /** Applies the emitted changes to a multiset, as the Delta sink applies them to a table. */
    private static void drain(
            KeyedOneInputStreamOperatorTestHarness<String, Row, Row> harness,
            Map<Row, Integer> sink,
            Map<OutputTag<Row>, Map<Row, Integer>> sides) {
        harness.extractOutputValues().forEach(row -> apply(sink, row));
        for (OutputTag<Row> tag : SIDES) {
            var side = harness.getSideOutput(tag);
            if (side != null) {
                side.forEach(record -> apply(sides.get(tag), record.getValue()));
                side.clear();
            }
        }
        harness.getOutput().clear();
    }

    private static void apply(Map<Row, Integer> sink, Row change) {
        Row row = Row.copy(change);
        row.setKind(RowKind.INSERT);
        boolean add =
                change.getKind() == RowKind.INSERT || change.getKind() == RowKind.UPDATE_AFTER;
        if (add) {
            sink.merge(row, 1, Integer::sum);
        } else {
            assertThat(sink.get(row))
                    .as("a retraction of a row the sink holds: %s", row)
                    .isNotNull();
            sink.computeIfPresent(row, (r, n) -> n == 1 ? null : n - 1);
        }
    }

    private static List<Row> materialized(Map<Row, Integer> sink) {
        return sink.entrySet().stream()
                .flatMap(e -> java.util.Collections.nCopies(e.getValue(), e.getKey()).stream())
                .collect(Collectors.toList());
    }
}
