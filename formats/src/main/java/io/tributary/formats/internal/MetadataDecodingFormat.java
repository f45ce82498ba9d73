package io.tributary.formats.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.utils.DataTypeUtils;

/** A decoding format with readable metadata columns, each one constant of {@code M}. */
@Internal
public abstract class MetadataDecodingFormat<M extends Enum<M>>
        implements DecodingFormat<DeserializationSchema<RowData>> {
    private final M[] all;
    private final Function<M, String> keyOf;
    private final Function<M, DataType> typeOf;
    private List<M> chosen = List.of();

    protected MetadataDecodingFormat(
            M[] all, Function<M, String> keyOf, Function<M, DataType> typeOf) {
        this.all = all;
        this.keyOf = keyOf;
        this.typeOf = typeOf;
    }

    @Override
    public final Map<String, DataType> listReadableMetadata() {
        Map<String, DataType> keys = new LinkedHashMap<>();
        for (M m : all) {
            keys.put(keyOf.apply(m), typeOf.apply(m));
        }
        return keys;
    }

    @Override
    public final void applyReadableMetadata(List<String> keys) {
        List<M> metadata = new ArrayList<>();
        for (String key : keys) {
            for (M m : all) {
                if (keyOf.apply(m).equals(key)) {
                    metadata.add(m);
                }
            }
        }
        chosen = metadata;
    }

    @Override
    public final DeserializationSchema<RowData> createRuntimeDecoder(
            DynamicTableSource.Context context, DataType physicalDataType) {
        DataType produced =
                DataTypeUtils.appendRowFields(
                        physicalDataType,
                        chosen.stream()
                                .map(m -> DataTypes.FIELD(keyOf.apply(m), typeOf.apply(m)))
                                .collect(Collectors.toList()));
        return decoder(
                (RowType) physicalDataType.getLogicalType(),
                chosen,
                context.createTypeInformation(produced));
    }

    protected abstract DeserializationSchema<RowData> decoder(
            RowType physical, List<M> metadata, TypeInformation<RowData> produced);
}
