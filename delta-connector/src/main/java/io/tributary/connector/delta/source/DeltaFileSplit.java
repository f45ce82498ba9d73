package io.tributary.connector.delta.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceSplit;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;

/**
 * One data file of a table, with its partition values and how many rows were read. An INSERT split
 * reads a file a commit added; a DELETE split reads, as deletions, the rows of a file a commit
 * removed (continuous reading only). Checkpointed by {@link DeltaFileSplitSerializer}, without the
 * read configuration, which is the source's.
 */
@Internal
public final class DeltaFileSplit implements IteratorSourceSplit<RowData, DeltaFileIterator> {
    final DeltaReadConfig config;
    final String path;
    final long size;
    final Map<String, String> partitionValues;
    final long rowsToSkip;
    final RowKind kind;

    DeltaFileSplit(
            DeltaReadConfig config,
            String path,
            long size,
            Map<String, String> partitionValues,
            long rowsToSkip) {
        this(config, path, size, partitionValues, rowsToSkip, RowKind.INSERT);
    }

    DeltaFileSplit(
            DeltaReadConfig config,
            String path,
            long size,
            Map<String, String> partitionValues,
            long rowsToSkip,
            RowKind kind) {
        this.kind = kind;
        this.config = config;
        this.path = path;
        this.size = size;
        this.partitionValues = new LinkedHashMap<>(partitionValues);
        this.rowsToSkip = rowsToSkip;
    }

    @Override
    public String splitId() {
        return kind == RowKind.INSERT ? path : kind.shortString() + path;
    }

    @Override
    public DeltaFileIterator getIterator() {
        return new DeltaFileIterator(this);
    }

    @Override
    public IteratorSourceSplit<RowData, DeltaFileIterator> getUpdatedSplitForIterator(
            DeltaFileIterator iterator) {
        return new DeltaFileSplit(
                config, path, size, partitionValues, iterator.rowsReturned(), kind);
    }

    /**
     * Splits are equal when they read the same rows of the same file; the read configuration is the
     * source's.
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeltaFileSplit)) {
            return false;
        }
        DeltaFileSplit that = (DeltaFileSplit) o;
        return path.equals(that.path)
                && size == that.size
                && rowsToSkip == that.rowsToSkip
                && kind == that.kind
                && partitionValues.equals(that.partitionValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, rowsToSkip, kind);
    }

    @Override
    public String toString() {
        return "DeltaFileSplit{" + kind.shortString() + " " + path + ", skip=" + rowsToSkip + "}";
    }
}
