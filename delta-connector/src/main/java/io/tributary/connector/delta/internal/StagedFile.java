package io.tributary.connector.delta.internal;

import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;
import org.apache.flink.annotation.Internal;

/**
 * A Parquet file a writer staged, waiting to be added to the table: its partition values in the
 * Delta log's string form (a value may be null), its statistics as Kernel's JSON.
 */
@Internal
public final class StagedFile extends DeltaCommittable {
    private final String path;
    private final long size;
    private final long modificationTime;
    private final long numRecords;
    @Nullable private final String statsJson;
    private final Map<String, String> partition;

    public StagedFile(
            long checkpointId,
            String path,
            long size,
            long modificationTime,
            long numRecords,
            @Nullable String statsJson,
            Map<String, String> partition) {
        super(checkpointId);
        this.path = Objects.requireNonNull(path, "path");
        this.size = size;
        this.modificationTime = modificationTime;
        this.numRecords = numRecords;
        this.statsJson = statsJson;
        // LinkedHashMap keeps the partition columns' order and allows null values.
        this.partition = Collections.unmodifiableMap(new LinkedHashMap<>(partition));
    }

    @Override
    public StagedFile forCheckpoint(long checkpointId) {
        return new StagedFile(
                checkpointId, path, size, modificationTime, numRecords, statsJson, partition);
    }

    public String path() {
        return path;
    }

    public long size() {
        return size;
    }

    public long modificationTime() {
        return modificationTime;
    }

    public long numRecords() {
        return numRecords;
    }

    @Nullable
    public String statsJson() {
        return statsJson;
    }

    /** The partition this file belongs to, as column → Delta partition string, in column order. */
    public Map<String, String> partition() {
        return partition;
    }

    /**
     * This staged file as Kernel describes a data file to commit, statistics parsed against the
     * table schema.
     */
    public DataFileStatus fileStatus(StructType schema) throws IOException {
        Optional<DataFileStatistics> stats =
                statsJson == null
                        ? Optional.empty()
                        : DataFileStatistics.deserializeFromJson(statsJson, schema);
        return new DataFileStatus(path, size, modificationTime, stats);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StagedFile)) {
            return false;
        }
        StagedFile that = (StagedFile) o;
        return checkpointId() == that.checkpointId()
                && path.equals(that.path)
                && size == that.size
                && modificationTime == that.modificationTime
                && numRecords == that.numRecords
                && Objects.equals(statsJson, that.statsJson)
                && partition.equals(that.partition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpointId(), path, size);
    }

    @Override
    public String toString() {
        return "StagedFile{checkpoint="
                + checkpointId()
                + ", path="
                + path
                + ", rows="
                + numRecords
                + "}";
    }
}
