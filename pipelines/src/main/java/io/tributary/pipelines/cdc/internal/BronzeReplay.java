package io.tributary.pipelines.cdc.internal;

import io.tributary.pipelines.cdc.CdcTableSpec;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The change events {@code bronze.cdc_<table>} held when a job started without state, decoded
 * again for the keyed operators: they rebuild what the operators knew (each key's position, its
 * row for TOAST placeholders, its versions) and re-send every change, which the keyed silver tables
 * absorb as upserts of what they hold. A job killed after bronze's commit and before silver's thus
 * starts fresh with silver complete; the events go to no other table. Only events before the
 * offsets the Kafka source starts at are replayed, so no event reaches an operator twice. An event
 * that no longer fits the table was a silver reject when it arrived: it is counted, not re-sent.
 */
@Internal
public final class BronzeReplay extends RichFlatMapFunction<Row, RowData> {
    private static final long serialVersionUID = 1L;

    private final CdcTableSpec spec;
    private transient Counter misfits;

    public BronzeReplay(CdcTableSpec spec) {
        this.spec = spec;
    }

    /**
     * The query over bronze: payload, source and offset of each event before {@code start} (next
     * offset per {@code kafka:<topic>/<partition>}); sources the Kafka source does not read are
     * replayed whole.
     */
    public static String query(CdcTableSpec spec, Map<String, Long> start) {
        StringBuilder before = new StringBuilder();
        if (!start.isEmpty()) {
            before.append(" WHERE source_offset < CASE source");
            new TreeMap<>(start).forEach((source, next) -> before.append(" WHEN '").append(source.replace("'", "''"))
                    .append("' THEN CAST(").append(next).append(" AS BIGINT)"));
            before.append(" ELSE CAST(").append(Long.MAX_VALUE).append(" AS BIGINT) END");
        }
        return "SELECT payload, source, source_offset FROM bronze.cdc_" + spec.name() + before;
    }

    @Override
    public void open(Configuration parameters) {
        misfits = getRuntimeContext().getMetricGroup().counter("cdc.replayedMisfits");
    }

    @Override
    public void flatMap(Row event, Collector<RowData> out) {
        String payload = (String) event.getField(0);
        String source = (String) event.getField(1);
        Long offset = (Long) event.getField(2);
        if (payload == null || offset == null) {
            misfits.inc();
            return;
        }
        try {
            ChangeEvent decoded = ChangeEvent.decode(spec.format(), payload.getBytes(StandardCharsets.UTF_8));
            ChangeRouter.changes(spec, decoded, StringData.fromString(source), offset).forEach(out::collect);
        } catch (ChangeEvent.InvalidChangeException | RuntimeException e) {
            misfits.inc();
        }
    }
}
