package io.tributary.connector.delta.internal;

import org.apache.flink.annotation.Internal;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Parquet file a writer staged for one checkpoint, waiting for the committer to add it to the
 * table. Partition values are in the Delta log's string form; statistics are the Kernel's JSON.
 */
@Internal
public final class DeltaCommittable implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Checkpoint the file belongs to; {@link #END_OF_INPUT} for files flushed at end of input. */
    public long checkpointId;
    public String path;
    public long size;
    public long modificationTime;
    public long numRecords;
    public String statsJson;
    /** Partition columns and their values, index by index; arrays keep this a Flink POJO. */
    public String[] partitionColumns;
    public String[] partitionValues;

    public static final long END_OF_INPUT = Long.MAX_VALUE;

    public DeltaCommittable() {}

    public DeltaCommittable(long checkpointId, String path, long size, long modificationTime,
            long numRecords, String statsJson, Map<String, String> partition) {
        this.checkpointId = checkpointId;
        this.path = path;
        this.size = size;
        this.modificationTime = modificationTime;
        this.numRecords = numRecords;
        this.statsJson = statsJson;
        this.partitionColumns = partition.keySet().toArray(new String[0]);
        this.partitionValues = partition.values().toArray(new String[0]);
    }

    /** The partition this file belongs to, as column → Delta partition string. */
    public LinkedHashMap<String, String> partition() {
        LinkedHashMap<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < partitionColumns.length; i++) {
            map.put(partitionColumns[i], partitionValues[i]);
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeltaCommittable)) {
            return false;
        }
        DeltaCommittable that = (DeltaCommittable) o;
        return checkpointId == that.checkpointId && path.equals(that.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpointId, path);
    }

    @Override
    public String toString() {
        return "DeltaCommittable{checkpoint=" + checkpointId + ", path=" + path + ", rows=" + numRecords + "}";
    }
}
