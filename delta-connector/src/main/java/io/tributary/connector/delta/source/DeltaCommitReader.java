package io.tributary.connector.delta.source;

import io.delta.kernel.CommitActions;
import io.delta.kernel.CommitRange;
import io.delta.kernel.CommitRangeBuilder.CommitBoundary;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.DeltaLogActionUtils.DeltaAction;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.actions.RemoveFile;
import io.delta.kernel.internal.util.VectorUtils;
import io.delta.kernel.utils.CloseableIterator;
import io.tributary.connector.delta.internal.LogPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.types.RowKind;

/**
 * Turns the commits of a table after a version into splits, commit by commit: files added with
 * {@code dataChange = true} are read as inserts, files removed with {@code dataChange = true} as
 * deletes of their rows. Rearrangements ({@code dataChange = false}, such as compaction) change no
 * row and are skipped.
 */
@Internal
final class DeltaCommitReader {
    private DeltaCommitReader() {}

    /** Splits for versions {@code from} to {@code to}, in commit order. */
    static List<DeltaFileSplit> splits(DeltaReadConfig config, Engine engine, long from, long to) {
        CommitRange range =
                TableManager.loadCommitRange(config.tablePath, CommitBoundary.atVersion(from))
                        .withEndBoundary(CommitBoundary.atVersion(to))
                        .build(engine);
        List<DeltaFileSplit> splits = new ArrayList<>();
        try (CloseableIterator<CommitActions> commits =
                range.getCommitActions(engine, Set.of(DeltaAction.ADD, DeltaAction.REMOVE))) {
            while (commits.hasNext()) {
                try (CommitActions commit = commits.next();
                        CloseableIterator<ColumnarBatch> batches = commit.getActions()) {
                    while (batches.hasNext()) {
                        addSplits(config, batches.next(), splits);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // CommitActions.close() declares Exception; reading the log declares IOException.
            throw new UncheckedIOException(
                    "Cannot read the log of Delta table " + config.tablePath,
                    e instanceof IOException ? (IOException) e : new IOException(e));
        }
        return splits;
    }

    private static void addSplits(
            DeltaReadConfig config, ColumnarBatch batch, List<DeltaFileSplit> splits) {
        int addOrdinal = batch.getSchema().indexOf(DeltaAction.ADD.colName);
        int removeOrdinal = batch.getSchema().indexOf(DeltaAction.REMOVE.colName);
        ColumnVector adds = batch.getColumnVector(addOrdinal);
        ColumnVector removes = batch.getColumnVector(removeOrdinal);
        try (CloseableIterator<Row> rows = batch.getRows()) {
            int i = 0;
            while (rows.hasNext()) {
                Row row = rows.next();
                if (!adds.isNullAt(i)) {
                    AddFile add = new AddFile(row.getStruct(addOrdinal));
                    if (add.getDataChange()) {
                        splits.add(
                                new DeltaFileSplit(
                                        config,
                                        LogPaths.absolute(config.tablePath, add.getPath()),
                                        add.getSize(),
                                        VectorUtils.toJavaMap(add.getPartitionValues()),
                                        0L,
                                        RowKind.INSERT));
                    }
                } else if (!removes.isNullAt(i)) {
                    RemoveFile remove = new RemoveFile(row.getStruct(removeOrdinal));
                    if (remove.getDataChange()) {
                        Map<String, String> partition =
                                remove.getPartitionValues()
                                        .map(VectorUtils::<String, String>toJavaMap)
                                        .orElse(Map.of());
                        splits.add(
                                new DeltaFileSplit(
                                        config,
                                        LogPaths.absolute(config.tablePath, remove.getPath()),
                                        remove.getSize().orElse(-1L),
                                        partition,
                                        0L,
                                        RowKind.DELETE));
                    }
                }
                i++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
