package io.tributary.serve.internal;

import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.tributary.connector.delta.DeltaTableReader;
import io.tributary.pipelines.metrics.MetricsPipeline;
import io.tributary.pipelines.metrics.series.MetricWindows;
import io.tributary.pipelines.metrics.series.SeriesSamples;
import io.tributary.pipelines.metrics.sla.Sla;
import io.tributary.pipelines.metrics.sla.SlaStore;
import io.tributary.pipelines.runtime.LakeTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;

/**
 * The service's copy of the lake, kept current: {@link #refresh} asks every table for its latest
 * version and reads again only those that changed, so a quiet lake costs a log lookup per table and
 * interval. Requests read {@link #snapshot}, never the lake, which keeps their latency that of
 * memory.
 */
@Internal
public final class LakeView {
    private static final Map<String, String> KERNEL_CONF = Map.of();

    private final Map<String, String> locations = new LinkedHashMap<>();
    private final MetricWindows windows;
    private final SlaStore slaStore;
    private volatile LakeSnapshot snapshot;
    private volatile String lastError;

    public LakeView(String lakeRoot, MetricsPipeline pipeline) {
        for (LakeTable t : pipeline.tables()) {
            locations.put(t.qualifiedName(), t.location(lakeRoot));
        }
        locations.put(SlaStore.TABLE.qualifiedName(), SlaStore.TABLE.location(lakeRoot));
        this.windows = pipeline.windows();
        this.slaStore = SlaStore.at(locations.get(SlaStore.TABLE.qualifiedName()));
        LakeSnapshot.Part<List<Map<String, Object>>> none = new LakeSnapshot.Part<>(-2, List.of());
        this.snapshot =
                new LakeSnapshot(
                        none,
                        none,
                        none,
                        none,
                        new LakeSnapshot.Part<>(-2, Map.of()),
                        new LakeSnapshot.Part<>(-2, List.of()),
                        Instant.EPOCH);
    }

    public LakeSnapshot snapshot() {
        return snapshot;
    }

    public SlaStore slaStore() {
        return slaStore;
    }

    /** Why the latest refresh failed; empty when it succeeded. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** Reads the tables whose version changed since the snapshot; keeps the snapshot on failure. */
    public synchronized void refresh() {
        try {
            LakeSnapshot old = snapshot;
            var windowStats =
                    gold(old.windowStats, "gold.metrics_window_stats", "window_end", "window_name");
            var metadata = gold(old.metadata, "gold.metrics_metadata", "window_end");
            var forecast = gold(old.forecast, "gold.metrics_forecast", "made_at");
            var accuracy = gold(old.accuracy, "gold.metrics_forecast_accuracy", "made_at");
            var series = silver(old.series, metadata.value);
            var slas = slas(old.slas);
            snapshot =
                    new LakeSnapshot(
                            windowStats, metadata, forecast, accuracy, series, slas, Instant.now());
            lastError = null;
        } catch (RuntimeException e) {
            lastError = e.toString();
            throw e;
        }
    }

    /** Reads the SLAs again at once: what this service wrote, its next request sees. */
    public synchronized void refreshSlas() {
        LakeSnapshot s = snapshot;
        snapshot =
                new LakeSnapshot(
                        s.windowStats,
                        s.metadata,
                        s.forecast,
                        s.accuracy,
                        s.series,
                        slas(new LakeSnapshot.Part<>(-2, List.of())),
                        s.readAt);
    }

    /**
     * The SLAs in force, read by the store itself when the table's version changed. A version
     * committed between the two reads only makes the next refresh read them again.
     */
    private LakeSnapshot.Part<List<Sla>> slas(LakeSnapshot.Part<List<Sla>> old) {
        long version =
                DeltaTableReader.latestVersion(
                                locations.get(SlaStore.TABLE.qualifiedName()), KERNEL_CONF)
                        .orElse(-1L);
        if (version == old.version) {
            return old;
        }
        return new LakeSnapshot.Part<>(version, version < 0 ? List.of() : slaStore.current());
    }

    private <T> LakeSnapshot.Part<T> reread(
            LakeSnapshot.Part<T> old,
            String table,
            Function<DeltaTableReader.Contents, T> read,
            Optional<Predicate> skipping,
            T absent) {
        long version =
                DeltaTableReader.latestVersion(locations.get(table), KERNEL_CONF).orElse(-1L);
        if (version == old.version) {
            return old;
        }
        if (version < 0) {
            return new LakeSnapshot.Part<>(-1, absent);
        }
        DeltaTableReader.Contents contents =
                DeltaTableReader.read(locations.get(table), KERNEL_CONF, skipping).orElseThrow();
        return new LakeSnapshot.Part<>(contents.version(), read.apply(contents));
    }

    private <T> LakeSnapshot.Part<List<T>> reread(
            LakeSnapshot.Part<List<T>> old,
            String table,
            Function<DeltaTableReader.Contents, List<T>> read) {
        return reread(old, table, read, Optional.empty(), List.of());
    }

    /**
     * The latest row per metric series (and per {@code alsoKey} column): the rows of the series'
     * latest {@code time} column, sorted by metric, series and that key.
     */
    private LakeSnapshot.Part<List<Map<String, Object>>> gold(
            LakeSnapshot.Part<List<Map<String, Object>>> old,
            String table,
            String time,
            String... alsoKey) {
        return reread(
                old,
                table,
                contents -> {
                    int metric = contents.column("metric");
                    int series = contents.column("series");
                    int at = contents.column(time);
                    int[] keys = new int[alsoKey.length];
                    for (int i = 0; i < keys.length; i++) {
                        keys[i] = contents.column(alsoKey[i]);
                    }
                    Map<List<String>, RowData> latest = new TreeMap<>(KEY_ORDER);
                    for (RowData row : contents.rows()) {
                        List<String> key = new ArrayList<>();
                        key.add(row.getString(metric).toString());
                        key.add(row.getString(series).toString());
                        for (int k : keys) {
                            key.add(windowOrder(row.getString(k).toString()));
                        }
                        latest.merge(
                                key,
                                row,
                                (a, b) ->
                                        a.getTimestamp(at, 3).compareTo(b.getTimestamp(at, 3)) >= 0
                                                ? a
                                                : b);
                    }
                    JsonRows json = new JsonRows(contents.rowType());
                    List<Map<String, Object>> rows = new ArrayList<>();
                    latest.values().forEach(r -> rows.add(json.toJson(r)));
                    return rows;
                });
    }

    private static final Comparator<List<String>> KEY_ORDER =
            (a, b) -> {
                for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                    int c = a.get(i).compareTo(b.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(a.size(), b.size());
            };

    /** Windows sort by length (1h, 3h, 12h), not by name. */
    private static String windowOrder(String window) {
        int at = MetricWindows.NAMES.indexOf(window);
        return at < 0 ? window : at + window;
    }

    /**
     * Silver's days that a 12 h window ending at {@code end} can reach (one day more: a window
     * ending early in a day starts the day before).
     */
    private static Predicate daysFrom(Instant end) {
        LocalDate first =
                LocalDate.ofInstant(end.minusMillis(MetricWindows.LONGEST), ZoneOffset.UTC)
                        .minusDays(1);
        return new Predicate(
                ">=", new Column("sample_date"), Literal.ofDate((int) first.toEpochDay()));
    }

    /**
     * Silver's samples of every series' last 12 h. Only the days the metadata's latest ends reach
     * back to are read (the table is partitioned by day); without metadata, every day.
     */
    private LakeSnapshot.Part<Map<String, List<SeriesWindow>>> silver(
            LakeSnapshot.Part<Map<String, List<SeriesWindow>>> old,
            List<Map<String, Object>> metadata) {
        Optional<Predicate> skipping =
                metadata.stream()
                        .map(r -> Instant.parse((String) r.get("window_end")))
                        .min(Instant::compareTo)
                        .map(LakeView::daysFrom);
        return reread(
                old,
                "silver.metrics_samples",
                contents -> {
                    int metric = contents.column("metric");
                    int series = contents.column("series");
                    int ts = contents.column("ts");
                    int value = contents.column("value");
                    Map<String, Map<String, SeriesSamples>> samples = new TreeMap<>();
                    for (RowData row : contents.rows()) {
                        samples.computeIfAbsent(
                                        row.getString(metric).toString(), m -> new TreeMap<>())
                                .computeIfAbsent(
                                        row.getString(series).toString(), s -> new SeriesSamples())
                                .add(
                                        row.getTimestamp(ts, 3).getMillisecond(),
                                        row.getDouble(value));
                    }
                    Map<String, List<SeriesWindow>> windowsByMetric = new LinkedHashMap<>();
                    samples.forEach(
                            (m, bySeries) -> {
                                List<SeriesWindow> list = new ArrayList<>();
                                bySeries.forEach(
                                        (s, x) ->
                                                list.add(
                                                        new SeriesWindow(
                                                                m, s, windows.endOf(x.last()), x)));
                                windowsByMetric.put(m, List.copyOf(list));
                            });
                    return windowsByMetric;
                },
                skipping,
                Map.of());
    }
}
