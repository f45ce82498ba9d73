package io.tributary.pipelines.metrics.series;

import io.tributary.pipelines.metrics.sla.Sla;
import io.tributary.pipelines.metrics.sla.SlaSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.OutputTag;

/**
 * Keeps each series' gold rows, keyed by series: samples in and out (a changelog of silver) become
 * the changes of {@code metrics_window_stats} (main output), {@code sla_violations} and, from the
 * latest window end ({@link LatestRows}), {@code metrics_metadata}, {@code metrics_forecast},
 * {@code metrics_forecast_accuracy} and {@code sla_predictions} (side outputs).
 *
 * <p>Changes are collected per series and applied at once: before each checkpoint barrier and at
 * the end of the input in a stream, at the end of each key in a backfill (BATCH mode sorts by key
 * and fires an end-of-key timer). Applying recomputes only the window ends a change reaches (its
 * own end and those within the longest window after it), and emits a row only where it changed: a
 * retraction of the old row, then the new one.
 *
 * <p>In a stream every series' samples stay in memory (about 16 bytes each) and in keyed state, one
 * map entry per UTC day ({@link DaySamplesCodec}), so a checkpoint rewrites only the days that
 * changed and a rescaled job takes its series with their key groups. A backfill keeps one series at
 * a time.
 */
@Internal
public final class SeriesOperator extends AbstractStreamOperator<Row>
        implements OneInputStreamOperator<Row, Row>,
                Triggerable<String, VoidNamespace>,
                BoundedOneInput {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<Row> METADATA =
            new OutputTag<>("metrics-metadata", LatestRows.METADATA);

    public static final OutputTag<Row> FORECAST =
            new OutputTag<>("metrics-forecast", LatestRows.FORECAST);

    public static final OutputTag<Row> ACCURACY =
            new OutputTag<>("metrics-forecast-accuracy", LatestRows.ACCURACY);

    public static final OutputTag<Row> SLA_PREDICTIONS =
            new OutputTag<>("metrics-sla-predictions", LatestRows.SLA_PREDICTIONS);

    public static final OutputTag<Row> SLA_VIOLATIONS =
            new OutputTag<>("metrics-sla-violations", SeriesRows.SLA_VIOLATIONS);

    private static final MapStateDescriptor<Long, byte[]> DAYS =
            new MapStateDescriptor<>(
                    "samples-by-day",
                    BasicTypeInfo.LONG_TYPE_INFO,
                    PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    /** The SLAs each series' emitted rows were checked against (versioned, see SlaListCodec). */
    private static final ValueStateDescriptor<byte[]> CHECKED =
            new ValueStateDescriptor<>(
                    "slas-checked", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    private final long stepMillis;
    private final boolean batch;
    private final SlaSource slaSource;

    /** The SLAs in force, as last read. */
    private transient List<Sla> slas;

    /** Per series, the SLAs its emitted rows were checked against, when not {@link #slas}. */
    private transient Map<String, List<Sla>> checked;

    private transient ValueState<byte[]> checkedState;

    private transient MetricWindows windows;
    private transient SeriesRows rows;
    private transient Map<String, SeriesSamples> series;
    private transient Map<String, List<Change>> pending;

    /** The latest rows emitted per series (recomputed from the samples after a restore). */
    private transient Map<String, LatestRows> latest;

    private transient MapState<Long, byte[]> days;

    /**
     * @param batch whether the input is a backfill's, sorted by key: each series is forgotten once
     *     its rows are out
     */
    public SeriesOperator(java.time.Duration step, boolean batch) {
        this(step, batch, SlaSource.fixed(List.of()));
    }

    /**
     * @param slas the SLAs checked at every window end ({@code gold.sla_violations}, side output
     *     {@link #SLA_VIOLATIONS}); a stream reads them again before each checkpoint barrier and,
     *     when they changed, checks every series again
     */
    public SeriesOperator(java.time.Duration step, boolean batch, SlaSource slas) {
        this.stepMillis = step.toMillis();
        this.batch = batch;
        this.slaSource = slas;
    }

    /** The key of a silver row {@code (metric, series, ts, value)}. */
    public static String key(Row row) {
        return row.getFieldAs(0) + "\n" + row.getFieldAs(1);
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        windows = new MetricWindows(java.time.Duration.ofMillis(stepMillis));
        rows = new SeriesRows(windows);
        slas = slaSource.current();
        checked = new HashMap<>();
        series = new HashMap<>();
        pending = new LinkedHashMap<>();
        latest = new HashMap<>();
        days = getKeyedStateBackend() == null ? null : getPartitionedState(DAYS);
        checkedState = getKeyedStateBackend() == null ? null : getPartitionedState(CHECKED);
        if (context.isRestored() && !batch) {
            List<String> keys;
            try (Stream<Object> restored =
                    getKeyedStateBackend().getKeys(DAYS.getName(), VoidNamespace.INSTANCE)) {
                keys = restored.map(String.class::cast).collect(Collectors.toList());
            }
            for (String key : keys) {
                setCurrentKey(key);
                SeriesSamples samples = new SeriesSamples();
                for (byte[] day : days.values()) {
                    DaySamplesCodec.decodeInto(day, samples);
                }
                series.put(key, samples);
                byte[] slasChecked = checkedState.value();
                if (slasChecked != null) {
                    checked.put(key, SlaListCodec.decode(slasChecked));
                }
            }
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        getInternalTimerService("series-end-of-key", VoidNamespaceSerializer.INSTANCE, this);
    }

    @Override
    public void processElement(StreamRecord<Row> element) {
        Row row = element.getValue();
        String key = (String) getCurrentKey();
        boolean add = row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER;
        long time = MetricWindows.millis(row.getFieldAs(2));
        double value = row.<Double>getFieldAs(3);
        List<Change> changes = pending.computeIfAbsent(key, k -> new ArrayList<>());
        if (batch && changes.isEmpty()) {
            getInternalTimerService("series-end-of-key", VoidNamespaceSerializer.INSTANCE, this)
                    .registerEventTimeTimer(VoidNamespace.INSTANCE, Long.MAX_VALUE);
        }
        changes.add(new Change(add, time, value));
    }

    /** BATCH mode: every sample of this series is in. */
    @Override
    public void onEventTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
        String key = timer.getKey();
        apply(key);
        if (batch) {
            series.remove(key);
            latest.remove(key);
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {}

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        List<Sla> now = slaSource.current();
        if (!now.equals(slas)) {
            // Every series is checked again: its rows were checked against the SLAs before.
            for (String key : series.keySet()) {
                checked.putIfAbsent(key, slas);
                pending.computeIfAbsent(key, k -> new ArrayList<>());
            }
            slas = now;
        }
        applyAll();
    }

    @Override
    public void endInput() throws Exception {
        applyAll();
    }

    private void applyAll() throws Exception {
        for (String key : new ArrayList<>(pending.keySet())) {
            setCurrentKey(key);
            apply(key);
        }
    }

    private void apply(String key) throws Exception {
        List<Change> changes = pending.remove(key);
        if (changes == null) {
            return;
        }
        int split = key.indexOf('\n');
        String metric = key.substring(0, split);
        String labels = key.substring(split + 1);
        SeriesSamples samples = series.computeIfAbsent(key, k -> new SeriesSamples());

        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        long newest = Long.MIN_VALUE;
        Set<Long> changedDays = new TreeSet<>();
        for (Change c : changes) {
            long end = windows.endOf(c.time);
            from = Math.min(from, end);
            to = Math.max(to, end + MetricWindows.LONGEST - windows.step());
            newest = Math.max(newest, c.time);
            changedDays.add(DaySamplesCodec.dayOf(c.time));
        }
        long lastBefore = samples.isEmpty() ? Long.MIN_VALUE : samples.last();
        List<Sla> slasBefore = checked.getOrDefault(key, slas);
        boolean slasChanged = !slasBefore.equals(slas);
        // New SLAs: every window end of the series is checked again.
        long slaFrom = slasChanged ? Long.MIN_VALUE : from;
        long slaTo = slasChanged ? Long.MAX_VALUE : to;
        Map<SeriesRows.EndWindow, Row> before = rows.windowStats(metric, labels, samples, from, to);
        Map<List<Object>, Row> slaBefore =
                rows.slaViolations(slasBefore, metric, labels, samples, slaFrom, slaTo);
        LatestRows latestBefore = latest.get(key);
        if (latestBefore == null) {
            latestBefore = LatestRows.of(windows, slasBefore, metric, labels, samples);
        }

        int missing = 0;
        for (Change c : changes) {
            if (c.add) {
                samples.add(c.time, c.value);
            } else if (!samples.remove(c.time, c.value)) {
                missing++;
            }
        }
        if (missing > 0) {
            LOG.warn("{}: {} retracted samples were never seen; ignored", key, missing);
        }

        Map<SeriesRows.EndWindow, Row> after = rows.windowStats(metric, labels, samples, from, to);
        Set<SeriesRows.EndWindow> ends = new HashSet<>(before.keySet());
        ends.addAll(after.keySet());
        for (SeriesRows.EndWindow end : ends) {
            emit(before.get(end), after.get(end), null);
        }
        Map<List<Object>, Row> slaAfter =
                rows.slaViolations(slas, metric, labels, samples, slaFrom, slaTo);
        Set<List<Object>> checks = new HashSet<>(slaBefore.keySet());
        checks.addAll(slaAfter.keySet());
        for (List<Object> check : checks) {
            emit(slaBefore.get(check), slaAfter.get(check), SLA_VIOLATIONS);
        }

        long lastAfter = samples.isEmpty() ? Long.MIN_VALUE : samples.last();
        LatestRows latestAfter = latestBefore;
        long lookedAt = Math.min(lastBefore, lastAfter);
        if (slasChanged
                || lastAfter != lastBefore
                || lookedAt == Long.MIN_VALUE
                || newest > windows.endOf(lookedAt) - MetricWindows.LONGEST) {
            latestAfter = LatestRows.of(windows, slas, metric, labels, samples);
        }
        emit(latestBefore.metadata, latestAfter.metadata, METADATA);
        emit(latestBefore.forecast, latestAfter.forecast, FORECAST);
        emit(latestBefore.accuracy, latestAfter.accuracy, ACCURACY);
        Set<String> slaIds = new HashSet<>(latestBefore.slaPredictions.keySet());
        slaIds.addAll(latestAfter.slaPredictions.keySet());
        for (String id : slaIds) {
            emit(
                    latestBefore.slaPredictions.get(id),
                    latestAfter.slaPredictions.get(id),
                    SLA_PREDICTIONS);
        }
        if (samples.isEmpty()) {
            latest.remove(key);
        } else {
            latest.put(key, latestAfter);
        }
        if (samples.isEmpty()) {
            series.remove(key);
            checked.remove(key);
        } else if (checked.get(key) != slas) {
            checked.put(key, slas);
            if (!batch) {
                checkedState.update(SlaListCodec.encode(slas));
            }
        }
        if (!batch) {
            for (long day : changedDays) {
                byte[] encoded = DaySamplesCodec.encode(samples, day);
                if (encoded == null) {
                    days.remove(day);
                } else {
                    days.put(day, encoded);
                }
            }
        }
    }

    /** A row's change: nothing if equal, else a retraction of the old and the new row. */
    private void emit(Row before, Row after, OutputTag<Row> tag) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            Row retract = Row.copy(before);
            retract.setKind(after == null ? RowKind.DELETE : RowKind.UPDATE_BEFORE);
            out(retract, tag);
        }
        if (after != null) {
            Row insert = Row.copy(after);
            insert.setKind(before == null ? RowKind.INSERT : RowKind.UPDATE_AFTER);
            out(insert, tag);
        }
    }

    private void out(Row row, OutputTag<Row> tag) {
        if (tag == null) {
            output.collect(new StreamRecord<>(row));
        } else {
            output.collect(tag, new StreamRecord<>(row));
        }
    }

    private static final class Change {
        final boolean add;
        final long time;
        final double value;

        Change(boolean add, long time, double value) {
            this.add = add;
            this.time = time;
            this.value = value;
        }
    }
}
