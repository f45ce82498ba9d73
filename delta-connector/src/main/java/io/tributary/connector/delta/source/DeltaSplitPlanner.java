package io.tributary.connector.delta.source;

import io.tributary.connector.delta.internal.DeltaEngines;

import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.TableException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Lists the data files of a table's latest snapshot that survive partition pruning and skipping. */
@Internal
final class DeltaSplitPlanner {
    private DeltaSplitPlanner() {}

    static List<DeltaFileSplit> plan(DeltaReadConfig config) {
        Engine engine = DeltaEngines.create(config.kernelConf);
        Snapshot snapshot = Table.forPath(engine, config.tablePath).getLatestSnapshot(engine);
        String mapping = snapshot.getTableProperties().getOrDefault("delta.columnMapping.mode", "none");
        if (!"none".equals(mapping)) {
            throw new TableException("Delta table " + config.tablePath + " uses column mapping mode '"
                    + mapping + "', which this connector does not read yet.");
        }
        ScanBuilder builder = snapshot.getScanBuilder();
        Predicate filter = combined(config, snapshot.getSchema());
        if (filter != null) {
            builder = builder.withFilter(filter);
        }
        Scan scan = builder.build();
        List<DeltaFileSplit> splits = new ArrayList<>();
        try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine)) {
            while (batches.hasNext()) {
                try (CloseableIterator<Row> rows = batches.next().getRows()) {
                    while (rows.hasNext()) {
                        Row scanFile = rows.next();
                        if (InternalScanFileUtils.getDeletionVectorDescriptorFromRow(scanFile) != null) {
                            throw new TableException("Delta table " + config.tablePath
                                    + " has deletion vectors, which this connector does not read yet.");
                        }
                        FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
                        splits.add(new DeltaFileSplit(config, file.getPath(), file.getSize(),
                                InternalScanFileUtils.getPartitionValues(scanFile), 0L));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the files of Delta table " + config.tablePath, e);
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
