package io.tributary.pipelines.runtime;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * Raw text lines as every line-based pipeline receives them, from landing files or a stream: {@code
 * (line, source_file, line_number, origin, decode_error)}. For a file the source is its path and
 * the number counts from 1; for Kafka the source is {@code kafka:<topic>/<partition>} and the
 * number is the offset. {@code decode_error} says why a record's envelope could not be opened.
 */
@Internal
public final class LineRows {
    public static final RowType ROW_TYPE =
            RowType.of(
                    new LogicalType[] {
                        VarCharType.STRING_TYPE,
                        VarCharType.STRING_TYPE,
                        new BigIntType(),
                        VarCharType.STRING_TYPE,
                        VarCharType.STRING_TYPE
                    },
                    new String[] {"line", "source_file", "line_number", "origin", "decode_error"});

    private LineRows() {}

    public static RowData of(
            StringData line,
            StringData source,
            long number,
            StringData origin,
            String decodeError) {
        return GenericRowData.of(
                line,
                source,
                number,
                origin,
                decodeError == null ? null : StringData.fromString(decodeError));
    }
}
