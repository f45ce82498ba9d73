package io.tributary.connector.delta.internal;

import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.DataFileStatus;

import org.apache.flink.annotation.Internal;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a writer hands the committer for one checkpoint: either a Parquet file it staged, waiting
 * to be added to the table (partition values in the Delta log's string form, statistics as
 * Kernel's JSON), or one row change of a changelog sink, which the committer merges into the
 * table copy-on-write.
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

    /** What this is: a data file, or a row change (the row is in {@link #row}). */
    public enum Kind {
        DATA_FILE,
        /** Insert the row, replacing any row with the same primary key. */
        UPSERT,
        /** Delete the row with the row's primary key. */
        DELETE,
        /** Tables without a primary key: add ({@link #count} &gt; 0) or remove copies of the row. */
        COUNT
    }

    public Kind kind = Kind.DATA_FILE;
    /** The changed row in Flink's binary row format, for the change kinds. */
    public byte[] row;
    public int count;

    public DeltaCommittable() {}

    public static DeltaCommittable change(long checkpointId, Kind kind, byte[] row, int count) {
        DeltaCommittable c = new DeltaCommittable();
        c.checkpointId = checkpointId;
        c.kind = kind;
        c.row = row;
        c.count = count;
        c.partitionColumns = new String[0];
        c.partitionValues = new String[0];
        return c;
    }

    public boolean isChange() {
        return kind != Kind.DATA_FILE;
    }

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

    /** This staged file as Kernel describes a data file to commit, statistics parsed against the table schema. */
    public DataFileStatus fileStatus(StructType schema) throws IOException {
        Optional<DataFileStatistics> stats = statsJson == null
                ? Optional.empty() : DataFileStatistics.deserializeFromJson(statsJson, schema);
        return new DataFileStatus(path, size, modificationTime, stats);
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
        return checkpointId == that.checkpointId && kind == that.kind && Objects.equals(path, that.path)
                && Arrays.equals(row, that.row) && count == that.count;
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpointId, kind, path, Arrays.hashCode(row), count);
    }

    @Override
    public String toString() {
        return isChange()
                ? "DeltaCommittable{checkpoint=" + checkpointId + ", " + kind + " of " + row.length + " bytes}"
                : "DeltaCommittable{checkpoint=" + checkpointId + ", path=" + path + ", rows=" + numRecords + "}";
    }
}
