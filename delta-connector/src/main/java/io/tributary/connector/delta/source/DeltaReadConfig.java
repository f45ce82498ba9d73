package io.tributary.connector.delta.source;

import io.delta.kernel.types.StructType;
import io.tributary.connector.delta.internal.SchemaConversions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.types.logical.RowType;

/** What a Delta source reads: the table, the produced (projected) row type and pruning filters. */
@Internal
public final class DeltaReadConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    final String tablePath;

    /** The produced row type: projected columns, in output order. */
    final RowType producedType;

    final ArrayList<String> partitionColumns;
    final ArrayList<ColumnFilter> filters;
    final HashMap<String, String> kernelConf;

    DeltaReadConfig(
            String tablePath,
            RowType producedType,
            List<String> partitionColumns,
            List<ColumnFilter> filters,
            Map<String, String> kernelConf) {
        this.tablePath = tablePath;
        this.producedType = producedType;
        this.partitionColumns = new ArrayList<>(partitionColumns);
        this.filters = new ArrayList<>(filters);
        this.kernelConf = new HashMap<>(kernelConf);
    }

    /** The columns read from Parquet files: produced columns that are not partition columns. */
    StructType physicalReadSchema() {
        StructType all = SchemaConversions.toDelta(producedType);
        StructType physical = new StructType();
        for (int i = 0; i < all.length(); i++) {
            if (!partitionColumns.contains(all.at(i).getName())) {
                physical = physical.add(all.at(i));
            }
        }
        return physical;
    }
}
