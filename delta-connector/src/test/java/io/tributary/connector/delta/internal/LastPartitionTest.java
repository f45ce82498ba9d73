package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.binary.BinaryRowData;
import org.apache.flink.table.data.writer.BinaryRowWriter;
import org.apache.flink.table.types.logical.DateType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.VarCharType;
import org.junit.jupiter.api.Test;

class LastPartitionTest {
    private static final LogicalType[] TYPES = {VarCharType.STRING_TYPE, new DateType()};

    @Test
    void aReusedRowWhosePartitionChangedIsNotTheRememberedPartition() {
        LastPartition last = new LastPartition(new int[] {0, 2}, TYPES);
        BinaryRowData reused = new BinaryRowData(3);
        BinaryRowWriter writer = new BinaryRowWriter(reused);
        fill(writer, "stream", 7, 20_000);

        assertThat(last.holds(reused)).as("nothing remembered yet").isFalse();
        last.remember(reused);
        assertThat(last.holds(reused)).isTrue();
        assertThat(last.holds(GenericRowData.of(StringData.fromString("stream"), 8L, 20_000)))
                .as("equal values in another row, another non-partition value")
                .isTrue();

        // The upstream operator writes its next record into the same bytes.
        fill(writer, "landing", 7, 20_000);
        assertThat(last.holds(reused)).isFalse();
        fill(writer, "stream", 7, 20_001);
        assertThat(last.holds(reused)).isFalse();
        fill(writer, "stream", 9, 20_000);
        assertThat(last.holds(reused)).as("only partition columns count").isTrue();
    }

    @Test
    void aNullPartitionValueIsAValueLikeAnother() {
        LastPartition last = new LastPartition(new int[] {0}, TYPES);
        last.remember(GenericRowData.of(null, 1L, 1));
        assertThat(last.holds(GenericRowData.of(null, 2L, 2))).isTrue();
        assertThat(last.holds(GenericRowData.of(StringData.fromString("x"), 1L, 1))).isFalse();
    }

    @Test
    void aNullDateIsADateLikeAnother() {
        LastPartition last = new LastPartition(new int[] {2}, new LogicalType[] {new DateType()});
        last.remember(GenericRowData.of(null, 1L, null));
        assertThat(last.holds(GenericRowData.of(null, 2L, null))).isTrue();
        assertThat(last.holds(GenericRowData.of(null, 1L, 0))).as("day 0 is not null").isFalse();
        last.remember(GenericRowData.of(null, 1L, 0));
        assertThat(last.holds(GenericRowData.of(null, 1L, null))).isFalse();
        assertThat(last.holds(GenericRowData.of(null, 1L, 0))).isTrue();
    }

    @Test
    void anUnpartitionedTableHasOnePartitionOnceARowWasSeen() {
        LastPartition last = new LastPartition(new int[0], new LogicalType[0]);
        assertThat(last.holds(GenericRowData.of(1L))).isFalse();
        last.remember(GenericRowData.of(1L));
        assertThat(last.holds(GenericRowData.of(2L))).isTrue();
    }

    private static void fill(BinaryRowWriter writer, String origin, long other, int day) {
        writer.reset();
        writer.writeString(0, StringData.fromString(origin));
        writer.writeLong(1, other);
        writer.writeInt(2, day);
        writer.complete();
    }
}
