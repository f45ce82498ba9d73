package io.tributary.serve.internal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Gold rows as JSON objects, converted once per table version rather than per request: the columns
 * keep their table names (the contract analysts query), timestamps become ISO-8601 UTC instants and
 * a value JSON cannot hold (NaN, infinities) becomes null.
 */
@Internal
final class JsonRows {
    private final RowType type;
    private final RowData.FieldGetter[] getters;

    JsonRows(RowType type) {
        this.type = type;
        this.getters = new RowData.FieldGetter[type.getFieldCount()];
        for (int i = 0; i < getters.length; i++) {
            getters[i] = RowData.createFieldGetter(type.getTypeAt(i), i);
        }
    }

    Map<String, Object> toJson(RowData row) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < getters.length; i++) {
            json.put(
                    type.getFieldNames().get(i),
                    value(type.getTypeAt(i), getters[i].getFieldOrNull(row)));
        }
        return json;
    }

    private static Object value(LogicalType type, Object value) {
        if (value == null) {
            return null;
        }
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
                return value.toString();
            case DOUBLE:
                return finite((Double) value);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return instant(
                        ((TimestampData) value)
                                .toLocalDateTime()
                                .toInstant(ZoneOffset.UTC)
                                .toEpochMilli());
            case ARRAY:
                LogicalType element = ((ArrayType) type).getElementType();
                ArrayData array = (ArrayData) value;
                ArrayData.ElementGetter getter = ArrayData.createElementGetter(element);
                List<Object> list = new ArrayList<>(array.size());
                for (int i = 0; i < array.size(); i++) {
                    list.add(value(element, getter.getElementOrNull(array, i)));
                }
                return list;
            default:
                return value;
        }
    }

    /** A double for JSON: null when it is not a number JSON can hold. */
    static Double finite(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }

    /** Epoch milliseconds as an ISO-8601 UTC instant, as every timestamp in the API. */
    static String instant(long millis) {
        return java.time.Instant.ofEpochMilli(millis).toString();
    }
}
