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
    public final String sinkId;
    public final boolean overwrite;
    public final long targetFileSize;
    public final long rowGroupSize;
    public final int maxOpenFiles;
    public final int logCheckpointInterval;
    public final HashMap<String, String> kernelConf;

    public DeltaSinkConfig(String tablePath, RowType rowType, List<String> partitionColumns,
            String sinkId, boolean overwrite, long targetFileSize, long rowGroupSize, int maxOpenFiles,
            int logCheckpointInterval,
            Map<String, String> kernelConf) {
        this.tablePath = tablePath;
        this.rowType = rowType;
        this.partitionColumns = new ArrayList<>(partitionColumns);
        this.sinkId = sinkId;
        this.overwrite = overwrite;
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
