package io.tributary.connector.delta.internal;

import io.delta.kernel.types.StructType;
import io.tributary.connector.delta.DeltaConnectorOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.types.logical.RowType;

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

    /**
     * Where the job's sources say they caught up; the replacing commit waits for them. Null: no
     * wait.
     */
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
     * Or: an overwrite replaces the rows whose TIMESTAMP or DATE column lies in [from, until) (ISO
     * text; either may be null for an open end). Both null for a value scope.
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

    private DeltaSinkConfig(Builder b) {
        this.tablePath = b.tablePath;
        this.rowType = b.rowType;
        this.partitionColumns = new ArrayList<>(b.partitionColumns);
        this.primaryKey = new ArrayList<>(b.primaryKey);
        this.changelog = b.changelog;
        this.maxBufferedChanges = b.maxBufferedChanges;
        this.sinkId = b.sinkId;
        this.overwrite = b.overwrite;
        this.replaceOnStart = b.replaceOnStart;
        this.schemaEvolution = b.schemaEvolution;
        this.replaceWhereColumn = b.replaceWhereColumn;
        this.replaceWhereValues = new ArrayList<>(b.replaceWhereValues);
        this.replaceWhereFrom = b.replaceWhereFrom;
        this.replaceWhereUntil = b.replaceWhereUntil;
        this.replaceOnStartCatchUpDir = b.replaceOnStartCatchUpDir;
        this.writerLeaseMillis = b.writerLeaseMillis;
        this.targetFileSize = b.targetFileSize;
        this.rowGroupSize = b.rowGroupSize;
        this.maxOpenFiles = b.maxOpenFiles;
        this.logCheckpointInterval = b.logCheckpointInterval;
        this.kernelConf = new HashMap<>(b.kernelConf);
    }

    /**
     * This config with the table path as stored (qualified) and whether its input is a changelog.
     */
    public DeltaSinkConfig resolved(String qualifiedTablePath, boolean changelog) {
        return builder()
                .tablePath(qualifiedTablePath)
                .rowType(rowType)
                .partitionColumns(partitionColumns)
                .primaryKey(primaryKey)
                .changelog(changelog)
                .maxBufferedChanges(maxBufferedChanges)
                .sinkId(sinkId)
                .overwrite(overwrite)
                .replaceOnStart(replaceOnStart)
                .replaceOnStartCatchUpDir(replaceOnStartCatchUpDir)
                .schemaEvolution(schemaEvolution)
                .replaceWhereColumn(replaceWhereColumn)
                .replaceWhereValues(replaceWhereValues)
                .replaceWhereFrom(replaceWhereFrom)
                .replaceWhereUntil(replaceWhereUntil)
                .writerLeaseMillis(writerLeaseMillis)
                .targetFileSize(targetFileSize)
                .rowGroupSize(rowGroupSize)
                .maxOpenFiles(maxOpenFiles)
                .logCheckpointInterval(logCheckpointInterval)
                .kernelConf(kernelConf)
                .build();
    }

    /** A config set field by field; {@code DeltaSink.Builder} validates before it builds one. */
    public static Builder builder() {
        return new Builder();
    }

    public StructType deltaSchema() {
        return SchemaConversions.toDelta(rowType);
    }

    /**
     * Named settings for {@link DeltaSinkConfig}, unvalidated; the defaults are the connector
     * options' defaults.
     */
    public static final class Builder {
        private String tablePath;
        private RowType rowType;
        private List<String> partitionColumns = List.of();
        private List<String> primaryKey = List.of();
        private boolean changelog;
        private int maxBufferedChanges =
                DeltaConnectorOptions.SINK_MAX_BUFFERED_CHANGES.defaultValue();
        private String sinkId;
        private boolean overwrite;
        private boolean replaceOnStart;
        private String replaceOnStartCatchUpDir;
        private boolean schemaEvolution;
        private String replaceWhereColumn;
        private List<String> replaceWhereValues = List.of();
        private String replaceWhereFrom;
        private String replaceWhereUntil;
        private long writerLeaseMillis =
                DeltaConnectorOptions.SINK_WRITER_LEASE.defaultValue().toMillis();
        private long targetFileSize =
                DeltaConnectorOptions.SINK_TARGET_FILE_SIZE.defaultValue().getBytes();
        private long rowGroupSize =
                DeltaConnectorOptions.SINK_ROW_GROUP_SIZE.defaultValue().getBytes();
        private int maxOpenFiles = DeltaConnectorOptions.SINK_MAX_OPEN_FILES.defaultValue();
        private int logCheckpointInterval =
                DeltaConnectorOptions.LOG_CHECKPOINT_INTERVAL.defaultValue();
        private Map<String, String> kernelConf = Map.of();

        public Builder tablePath(String tablePath) {
            this.tablePath = tablePath;
            return this;
        }

        public Builder rowType(RowType rowType) {
            this.rowType = rowType;
            return this;
        }

        public Builder partitionColumns(List<String> partitionColumns) {
            this.partitionColumns = partitionColumns;
            return this;
        }

        public Builder primaryKey(List<String> primaryKey) {
            this.primaryKey = primaryKey;
            return this;
        }

        public Builder changelog(boolean changelog) {
            this.changelog = changelog;
            return this;
        }

        public Builder maxBufferedChanges(int maxBufferedChanges) {
            this.maxBufferedChanges = maxBufferedChanges;
            return this;
        }

        public Builder sinkId(String sinkId) {
            this.sinkId = sinkId;
            return this;
        }

        public Builder overwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        public Builder replaceOnStart(boolean replaceOnStart) {
            this.replaceOnStart = replaceOnStart;
            return this;
        }

        public Builder replaceOnStartCatchUpDir(String replaceOnStartCatchUpDir) {
            this.replaceOnStartCatchUpDir = replaceOnStartCatchUpDir;
            return this;
        }

        public Builder schemaEvolution(boolean schemaEvolution) {
            this.schemaEvolution = schemaEvolution;
            return this;
        }

        public Builder replaceWhereColumn(String replaceWhereColumn) {
            this.replaceWhereColumn = replaceWhereColumn;
            return this;
        }

        public Builder replaceWhereValues(List<String> replaceWhereValues) {
            this.replaceWhereValues = replaceWhereValues;
            return this;
        }

        public Builder replaceWhereFrom(String replaceWhereFrom) {
            this.replaceWhereFrom = replaceWhereFrom;
            return this;
        }

        public Builder replaceWhereUntil(String replaceWhereUntil) {
            this.replaceWhereUntil = replaceWhereUntil;
            return this;
        }

        public Builder writerLeaseMillis(long writerLeaseMillis) {
            this.writerLeaseMillis = writerLeaseMillis;
            return this;
        }

        public Builder targetFileSize(long targetFileSize) {
            this.targetFileSize = targetFileSize;
            return this;
        }

        public Builder rowGroupSize(long rowGroupSize) {
            this.rowGroupSize = rowGroupSize;
            return this;
        }

        public Builder maxOpenFiles(int maxOpenFiles) {
            this.maxOpenFiles = maxOpenFiles;
            return this;
        }

        public Builder logCheckpointInterval(int logCheckpointInterval) {
            this.logCheckpointInterval = logCheckpointInterval;
            return this;
        }

        public Builder kernelConf(Map<String, String> kernelConf) {
            this.kernelConf = kernelConf;
            return this;
        }

        public DeltaSinkConfig build() {
            return new DeltaSinkConfig(this);
        }
    }
}
