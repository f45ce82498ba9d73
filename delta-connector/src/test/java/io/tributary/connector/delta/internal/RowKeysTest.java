package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

class RowKeysTest {
    /** The NaN x86 arithmetic gives for 0/0; Parquet reads every NaN back as {@link Double#NaN}. */
    private static final double COMPUTED_NAN = Double.longBitsToDouble(0xfff8_0000_0000_0000L);

    private static final float COMPUTED_FLOAT_NAN = Float.intBitsToFloat(0xffc0_0000);

    private static final RowType TYPE =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("name", DataTypes.STRING()),
                                    DataTypes.FIELD("d", DataTypes.DOUBLE()),
                                    DataTypes.FIELD("f", DataTypes.FLOAT()),
                                    DataTypes.FIELD("ds", DataTypes.ARRAY(DataTypes.DOUBLE())),
                                    DataTypes.FIELD(
                                            "m",
                                            DataTypes.MAP(DataTypes.STRING(), DataTypes.DOUBLE())),
                                    DataTypes.FIELD(
                                            "r",
                                            DataTypes.ROW(
                                                    DataTypes.FIELD("x", DataTypes.DOUBLE()))))
                            .getLogicalType();

    @Test
    void everyNaNIsTheSameKeyAtAnyDepth() {
        RowKeys keys = new RowKeys(TYPE, List.of());
        assertThat(keys.getKey(row(COMPUTED_NAN, COMPUTED_FLOAT_NAN)))
                .isEqualTo(keys.getKey(row(Double.NaN, Float.NaN)));
    }

    @Test
    void aPrimaryKeyOfADoubleToo() {
        RowKeys keys = new RowKeys(TYPE, List.of("name", "d"));
        assertThat(keys.getKey(row(COMPUTED_NAN, 0f))).isEqualTo(keys.getKey(row(Double.NaN, 0f)));
    }

    @Test
    void otherValuesStayApart() {
        RowKeys keys = new RowKeys(TYPE, List.of());
        assertThat(keys.getKey(row(COMPUTED_NAN, 0f))).isNotEqualTo(keys.getKey(row(1.0, 0f)));
        assertThat(keys.getKey(row(0.0, 0f))).isNotEqualTo(keys.getKey(row(-0.0, 0f)));
    }

    @Test
    void theRowsBytesKeepTheirValue() {
        RowKeys keys = new RowKeys(TYPE, List.of());
        RowData back = keys.fromBytes(keys.toBytes(row(COMPUTED_NAN, 0f)));
        assertThat(Double.doubleToRawLongBits(back.getDouble(1)))
                .as("only the identity is canonical; the row is written as it came")
                .isEqualTo(Double.doubleToRawLongBits(COMPUTED_NAN));
    }

    private static RowData row(double d, float f) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(StringData.fromString("k"), d);
        return GenericRowData.of(
                StringData.fromString("a"),
                d,
                f,
                new GenericArrayData(new double[] {d, 1.0}),
                new GenericMapData(m),
                GenericRowData.of(d));
    }
}
