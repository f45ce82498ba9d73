package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaFileWriterTest {
    private static final RowType TYPE =
            RowType.of(
                    new LogicalType[] {new BigIntType(), VarCharType.STRING_TYPE},
                    new String[] {"n", "text"});

    @TempDir Path dir;

    @Test
    void aFileEndsWithinAFewRowsOfItsTargetThoughItsSizeIsNotLookedAtEveryRow() throws IOException {
        long target = 48 << 10;
        DeltaFileWriter watchedEveryRow = writer("every-row");
        long rowsToTarget = 0;
        while (watchedEveryRow.dataSize() < target) {
            watchedEveryRow.write(row(rowsToTarget++));
        }
        watchedEveryRow.abort();

        DeltaFileWriter writer = writer("reached");
        long rows = 0;
        while (!writer.reached(target)) {
            writer.write(row(rows++));
        }
        writer.abort();

        assertThat(rowsToTarget).isGreaterThan(500);
        // Half of what still fits, then half again: the last look comes a row or two after the
        // target. A fixed stride of 128 rows would end files up to 127 rows late.
        assertThat(rows).isBetween(rowsToTarget, rowsToTarget + 2);
    }

    private DeltaFileWriter writer(String name) throws IOException {
        return new DeltaFileWriter(
                dir.resolve(name + ".parquet").toUri().toString(),
                new RowColumns(TYPE, new int[] {0, 1}),
                new LearnedDictionaries(),
                DeltaFileWriter.compressor(),
                128 << 20);
    }

    /** Distinct values, so that a dictionary does not keep the size flat. */
    private static RowData row(long n) {
        return GenericRowData.of(
                n, StringData.fromString(Long.toHexString(n * 0x9E3779B97F4A7C15L).repeat(3)));
    }
}
