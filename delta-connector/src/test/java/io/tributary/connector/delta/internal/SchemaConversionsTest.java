package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.kernel.types.StructType;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

class SchemaConversionsTest {
    private static RowType row(DataTypes.Field... fields) {
        return (RowType) DataTypes.ROW(fields).getLogicalType();
    }

    @Test
    void roundTripsEverySupportedType() {
        RowType type =
                row(
                        DataTypes.FIELD("b", DataTypes.BOOLEAN()),
                        DataTypes.FIELD("t", DataTypes.TINYINT()),
                        DataTypes.FIELD("s", DataTypes.SMALLINT()),
                        DataTypes.FIELD("i", DataTypes.INT().notNull()),
                        DataTypes.FIELD("l", DataTypes.BIGINT()),
                        DataTypes.FIELD("f", DataTypes.FLOAT()),
                        DataTypes.FIELD("d", DataTypes.DOUBLE()),
                        DataTypes.FIELD("dec", DataTypes.DECIMAL(12, 3)),
                        DataTypes.FIELD("str", DataTypes.STRING()),
                        DataTypes.FIELD("bin", DataTypes.BYTES()),
                        DataTypes.FIELD("day", DataTypes.DATE()),
                        DataTypes.FIELD("ts", DataTypes.TIMESTAMP_LTZ(6)),
                        DataTypes.FIELD("ntz", DataTypes.TIMESTAMP(6)));
        StructType delta = SchemaConversions.toDelta(type);
        assertThat(SchemaConversions.toFlink(delta)).isEqualTo(type);
        assertThat(delta.get("i").isNullable()).isFalse();
    }

    @Test
    void arraysOfPrimitivesMapBothWaysAndDeeperNestingIsRefusedWithTheColumnName() {
        RowType lists =
                row(
                        DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.STRING())),
                        DataTypes.FIELD(
                                "scores", DataTypes.ARRAY(DataTypes.DOUBLE().notNull()).notNull()));
        StructType delta = SchemaConversions.toDelta(lists);
        assertThat(SchemaConversions.toFlink(delta)).isEqualTo(lists);
        assertThat(
                        ((io.delta.kernel.types.ArrayType) delta.get("scores").getDataType())
                                .containsNull())
                .isFalse();

        for (org.apache.flink.table.types.DataType nested :
                List.of(
                        DataTypes.ARRAY(DataTypes.ARRAY(DataTypes.INT())),
                        DataTypes.MAP(DataTypes.STRING(), DataTypes.INT()),
                        DataTypes.ROW(DataTypes.FIELD("a", DataTypes.INT())))) {
            assertThatThrownBy(
                            () -> SchemaConversions.toDelta(row(DataTypes.FIELD("tags", nested))))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("'tags'");
        }
    }

    @Test
    void explainsIncompatibleSchemas() {
        StructType table =
                SchemaConversions.toDelta(
                        row(
                                DataTypes.FIELD("id", DataTypes.INT().notNull()),
                                DataTypes.FIELD("x", DataTypes.STRING())));
        assertThat(SchemaConversions.incompatibility(table, table)).isNull();
        assertThat(
                        SchemaConversions.incompatibility(
                                table,
                                SchemaConversions.toDelta(
                                        row(
                                                DataTypes.FIELD("id", DataTypes.INT()),
                                                DataTypes.FIELD("x", DataTypes.STRING())))))
                .contains("NOT NULL in the table");
        assertThat(
                        SchemaConversions.incompatibility(
                                table,
                                SchemaConversions.toDelta(
                                        row(
                                                DataTypes.FIELD("id", DataTypes.INT()),
                                                DataTypes.FIELD("y", DataTypes.STRING())))))
                .contains("columns differ");
    }

    @Test
    void partitionValuesRoundTripThroughDeltaStrings() {
        GenericRowData row =
                GenericRowData.of(
                        19_000,
                        StringData.fromString("a/b"),
                        TimestampData.fromEpochMillis(1_700_000_000_123L),
                        null);
        LogicalType[] types = {
            DataTypes.DATE().getLogicalType(),
            DataTypes.STRING().getLogicalType(),
            DataTypes.TIMESTAMP_LTZ(3).getLogicalType(),
            DataTypes.INT().getLogicalType()
        };
        String[] expected = {"2022-01-08", "a/b", "2023-11-14 22:13:20.123000", null};
        for (int i = 0; i < types.length; i++) {
            String s = PartitionValues.toDeltaString(row, i, types[i]);
            assertThat(s).isEqualTo(expected[i]);
            assertThat(PartitionValues.toFlink(s, types[i])).isEqualTo(row.getField(i));
        }
    }
}
