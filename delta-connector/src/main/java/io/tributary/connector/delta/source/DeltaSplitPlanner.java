package io.tributary.connector.delta.source;

import io.delta.kernel.Snapshot;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructType;
import io.tributary.connector.delta.internal.DeltaEngines;
import io.tributary.connector.delta.internal.TableFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.TableException;

/**
 * Lists the data files of a table's latest snapshot that survive partition pruning and skipping.
 */
@Internal
final class DeltaSplitPlanner {
    private DeltaSplitPlanner() {}

    static List<DeltaFileSplit> plan(DeltaReadConfig config, Snapshot snapshot) {
        Engine engine = DeltaEngines.create(config.kernelConf);
        String mapping =
                snapshot.getTableProperties().getOrDefault("delta.columnMapping.mode", "none");
        if (!"none".equals(mapping)) {
            throw new TableException(
                    "Delta table "
                            + config.tablePath
                            + " uses column mapping mode '"
                            + mapping
                            + "', which this connector does not read yet.");
        }
        Predicate filter = combined(config, snapshot.getSchema());
        List<DeltaFileSplit> splits = new ArrayList<>();
        for (TableFiles.TableFile file :
                TableFiles.list(engine, snapshot, Optional.ofNullable(filter))) {
            if (file.hasDeletionVector) {
                throw new TableException(
                        "Delta table "
                                + config.tablePath
                                + " has deletion vectors, which this connector does not read yet.");
            }
            splits.add(new DeltaFileSplit(config, file.path, file.size, file.partitionValues, 0L));
        }
        return splits;
    }

    private static Predicate combined(DeltaReadConfig config, StructType schema) {
        Predicate result = null;
        for (ColumnFilter f : config.filters) {
            if (!schema.fieldNames().contains(f.column)) {
                continue;
            }
            Predicate p = f.toKernel(schema.get(f.column).getDataType());
            result = result == null ? p : new And(result, p);
        }
        return result;
    }
}
