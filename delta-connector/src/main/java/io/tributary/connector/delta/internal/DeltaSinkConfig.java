package io.tributary.connector.delta.internal;

import io.delta.kernel.types.StructType;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.types.logical.RowType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Everything the writers and the committer of one Delta sink need; validated by the builder. */
@Internal
public final class DeltaSinkConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    public final String tablePath;
    public final RowType rowType;
    public final ArrayList<String> partitionColumns;
    /** Primary key columns; empty for a table without one. */
    public final ArrayList<String> primaryKey;
    /**
     * Whether the input is a changelog (updates and deletes) rather than inserts only: rows are
     * then merged into the table by primary key, or for a table without one, row by row.
     */
    public final boolean changelog;
    public final int maxBufferedChanges;
    public final String sinkId;
    public final boolean overwrite;
    /** A job started from empty state replaces the table's contents with its first commit. */
    public final boolean replaceOnStart;
    /** Where the job's sources say they caught up; the replacing commit waits for them. Null: no wait. */
    public final String replaceOnStartCatchUpDir;
    /** New nullable columns of the declaration are added to an existing table that lacks them. */
    public final boolean schemaEvolution;
    /**
     * An overwrite replaces the rows whose column holds one of {@link #replaceWhereValues}, not
     * whole partitions; null for a partition overwrite.
     */
    public final String replaceWhereColumn;
    public final ArrayList<String> replaceWhereValues;
    /**
     * Or: an overwrite replaces the rows whose TIMESTAMP or DATE column lies in [from, until)
     * (ISO text; either may be null for an open end). Both null for a value scope.
     */
    public final String replaceWhereFrom;
    public final String replaceWhereUntil;
    /** How long a streaming writer's lease on the table holds without renewal. */
    public final long writerLeaseMillis;
    public final long targetFileSize;
    public final long rowGroupSize;
    public final int maxOpenFiles;
    public final int logCheckpointInterval;
    public final HashMap<String, String> kernelConf;

    public DeltaSinkConfig(String tablePath, RowType rowType, List<String> partitionColumns,
            List<String> primaryKey, boolean changelog, int maxBufferedChanges,
            String sinkId, boolean overwrite, boolean replaceOnStart, long targetFileSize, long rowGroupSize, int maxOpenFiles,
            int logCheckpointInterval, boolean schemaEvolution,
            String replaceWhereColumn, List<String> replaceWhereValues, String replaceWhereFrom,
            String replaceWhereUntil, String replaceOnStartCatchUpDir, long writerLeaseMillis,
            Map<String, String> kernelConf) {
        this.tablePath = tablePath;
        this.rowType = rowType;
        this.partitionColumns = new ArrayList<>(partitionColumns);
        this.primaryKey = new ArrayList<>(primaryKey);
        this.changelog = changelog;
        this.maxBufferedChanges = maxBufferedChanges;
        this.sinkId = sinkId;
        this.overwrite = overwrite;
        this.replaceOnStart = replaceOnStart;
        this.schemaEvolution = schemaEvolution;
        this.replaceWhereColumn = replaceWhereColumn;
        this.replaceWhereValues = new ArrayList<>(replaceWhereValues);
        this.replaceWhereFrom = replaceWhereFrom;
        this.replaceWhereUntil = replaceWhereUntil;
        this.replaceOnStartCatchUpDir = replaceOnStartCatchUpDir;
        this.writerLeaseMillis = writerLeaseMillis;
        this.targetFileSize = targetFileSize;
        this.rowGroupSize = rowGroupSize;
        this.maxOpenFiles = maxOpenFiles;
        this.logCheckpointInterval = logCheckpointInterval;
        this.kernelConf = new HashMap<>(kernelConf);
    }

    public StructType deltaSchema() {
        return SchemaConversions.toDelta(rowType);
    }
}
