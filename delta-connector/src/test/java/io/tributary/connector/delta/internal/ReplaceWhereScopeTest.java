package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.binary.BinaryRowData;
import org.apache.flink.table.data.writer.BinaryRowWriter;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

/** A value-scoped overwrite's check of every row a writer gets, as writers hand rows in. */
class ReplaceWhereScopeTest {
    private static final RowType ROW_TYPE =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("source_file", DataTypes.STRING()),
                                    DataTypes.FIELD("v", DataTypes.BIGINT()))
                            .getLogicalType();

    private final ReplaceWhere scope =
            new ReplaceWhere(
                    DeltaSinkConfig.builder()
                            .tablePath("file:///tmp/t")
                            .rowType(ROW_TYPE)
                            .overwrite(true)
                            .replaceWhereColumn("source_file")
                            .replaceWhereValues(List.of("a.log", "b.log"))
                            .build());

    @Test
    void aReusedRowIsCheckedForWhatItHoldsNowNotWhatItHeldBefore() {
        BinaryRowData reused = new BinaryRowData(2);
        BinaryRowWriter writer = new BinaryRowWriter(reused);

        fill(writer, "a.log");
        scope.requireInScope(reused);
        scope.requireInScope(reused);
        // The upstream operator writes its next record into the same bytes.
        fill(writer, "c.log");
        assertThat(scope.holds(reused)).isFalse();
        assertThatThrownBy(() -> scope.requireInScope(reused))
                .hasMessageContaining("source_file = 'c.log' is outside");
        fill(writer, "b.log");
        assertThat(scope.holds(reused)).isTrue();
        fill(writer, "a.log");
        assertThat(scope.holds(reused)).isTrue();
    }

    @Test
    void aNullOrAnotherValueIsOutsideTheScope() {
        assertThat(scope.holds(GenericRowData.of(null, 1L))).isFalse();
        assertThat(scope.holds(GenericRowData.of(StringData.fromString("a.log"), 1L))).isTrue();
        assertThat(scope.holds(GenericRowData.of(StringData.fromString("a.lo"), 1L))).isFalse();
    }

    private static void fill(BinaryRowWriter writer, String sourceFile) {
        writer.reset();
        writer.writeString(0, StringData.fromString(sourceFile));
        writer.writeLong(1, 7L);
        writer.complete();
    }
}
