package io.tributary.connector.delta.source;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceSplit;
import org.apache.flink.table.data.RowData;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** One data file of a table snapshot, with its partition values and how many rows were read. */
@Internal
public final class DeltaFileSplit implements IteratorSourceSplit<RowData, DeltaFileIterator>, Serializable {
    private static final long serialVersionUID = 1L;

    final DeltaReadConfig config;
    final String path;
    final long size;
    final HashMap<String, String> partitionValues;
    final long rowsToSkip;

    DeltaFileSplit(DeltaReadConfig config, String path, long size, Map<String, String> partitionValues, long rowsToSkip) {
        this.config = config;
        this.path = path;
        this.size = size;
        this.partitionValues = new HashMap<>(partitionValues);
        this.rowsToSkip = rowsToSkip;
    }

    @Override
    public String splitId() {
        return path;
    }

    @Override
    public DeltaFileIterator getIterator() {
        return new DeltaFileIterator(this);
    }

    @Override
    public IteratorSourceSplit<RowData, DeltaFileIterator> getUpdatedSplitForIterator(DeltaFileIterator iterator) {
        return new DeltaFileSplit(config, path, size, partitionValues, iterator.rowsReturned());
    }

    @Override
    public String toString() {
        return "DeltaFileSplit{" + path + ", skip=" + rowsToSkip + "}";
    }
}
