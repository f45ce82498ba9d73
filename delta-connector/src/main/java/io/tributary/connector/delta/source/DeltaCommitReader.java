package io.tributary.connector.delta.source;

import io.delta.kernel.CommitRange;
import io.delta.kernel.CommitRangeBuilder.CommitBoundary;
import io.delta.kernel.TableManager;
import io.delta.kernel.engine.Engine;
import io.tributary.connector.delta.internal.KernelInternals;
import io.tributary.connector.delta.internal.LogPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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
        try {
            KernelInternals.forEachFileAction(
                    range,
                    engine,
                    true,
                    action -> {
                        if (action.dataChange()) {
                            splits.add(
                                    new DeltaFileSplit(
                                            config,
                                            LogPaths.absolute(config.tablePath, action.path()),
                                            action.size(),
                                            action.partition(),
                                            0L,
                                            action.added() ? RowKind.INSERT : RowKind.DELETE));
                        }
                    });
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
}
