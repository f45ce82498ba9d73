package io.tributary.pipelines.metrics.internal;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * Samples as every metrics source reads them (view {@code metrics_read}): {@code (metric, series,
 * ts, value_text, source, position, origin, reject_reason)}. {@code ts} is UTC; {@code value_text}
 * is Prometheus's own text of the value; {@code source} a landing file or the range query that
 * returned the sample, {@code position} the sample's place in it (from 1). A row with a {@code
 * reject_reason} is a response or a sample that could not be read.
 */
@Internal
public final class SampleRows {
    public static final RowType ROW_TYPE =
            RowType.of(
                    new LogicalType[] {
                        VarCharType.STRING_TYPE,
                        VarCharType.STRING_TYPE,
                        new TimestampType(3),
                        VarCharType.STRING_TYPE,
                        VarCharType.STRING_TYPE,
                        new BigIntType(),
                        VarCharType.STRING_TYPE,
                        VarCharType.STRING_TYPE
                    },
                    new String[] {
                        "metric",
                        "series",
                        "ts",
                        "value_text",
                        "source",
                        "position",
                        "origin",
                        "reject_reason"
                    });

    private SampleRows() {}

    public static RowData sample(
            String metric,
            String series,
            long tsMillis,
            String value,
            String source,
            long position,
            String origin) {
        return GenericRowData.of(
                StringData.fromString(metric),
                StringData.fromString(series),
                TimestampData.fromEpochMillis(tsMillis),
                StringData.fromString(value),
                StringData.fromString(source),
                position,
                StringData.fromString(origin),
                null);
    }

    /** A sample or a whole response that could not be read; {@code tsMillis} null if unknown. */
    public static RowData reject(
            String metric,
            String series,
            Long tsMillis,
            String value,
            String source,
            long position,
            String origin,
            String reason) {
        return GenericRowData.of(
                StringData.fromString(metric),
                StringData.fromString(series),
                tsMillis == null ? null : TimestampData.fromEpochMillis(tsMillis),
                StringData.fromString(value),
                StringData.fromString(source),
                position,
                StringData.fromString(origin),
                StringData.fromString(reason));
    }
}
