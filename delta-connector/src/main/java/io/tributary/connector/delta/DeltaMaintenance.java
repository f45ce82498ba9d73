package io.tributary.connector.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.CheckpointAlreadyExistsException;
import io.tributary.connector.delta.internal.DeltaEngines;
import io.tributary.connector.delta.internal.DeltaTables;
import io.tributary.connector.delta.internal.TableCompaction;
import io.tributary.connector.delta.internal.TableVacuum;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Table maintenance, run beside the jobs that write the table (they need not stop):
 *
 * <ul>
 *   <li>{@link #optimize}: small files of each partition rewritten into files of the target size,
 *       committed with {@code dataChange = false}, so streaming readers see no change;
 *   <li>{@link #vacuum}: data files no version within the retention needs are deleted;
 *   <li>{@link #checkpoint}: a log checkpoint at the latest version, so readers replay less log.
 * </ul>
 */
@PublicEvolving
public final class DeltaMaintenance {
    /**
     * Below this, vacuum could delete files a running writer has staged or a reader still reads.
     */
    public static final Duration SAFE_RETENTION = Duration.ofHours(24);

    private DeltaMaintenance() {}

    /** What a compaction did; {@code version} is -1 when there was nothing to compact. */
    public static final class Compaction {
        public final long version;
        public final int filesBefore;
        public final int filesRemoved;
        public final int filesAdded;
        public final long bytesRemoved;
        public final long bytesAdded;

        public Compaction(
                long version,
                int filesBefore,
                int filesRemoved,
                int filesAdded,
                long bytesRemoved,
                long bytesAdded) {
            this.version = version;
            this.filesBefore = filesBefore;
            this.filesRemoved = filesRemoved;
            this.filesAdded = filesAdded;
            this.bytesRemoved = bytesRemoved;
            this.bytesAdded = bytesAdded;
        }
    }

    /**
     * What a vacuum found: the files it deleted (or, in a dry run, would delete) and those it kept.
     */
    public static final class Vacuum {
        public final int filesKept;
        public final List<String> deleted;
        public final long bytesDeleted;

        public Vacuum(int filesKept, List<String> deleted, long bytesDeleted) {
            this.filesKept = filesKept;
            this.deleted = List.copyOf(deleted);
            this.bytesDeleted = bytesDeleted;
        }
    }

    /** Compacts files smaller than {@code targetFileSize}; see {@link TableCompaction}. */
    public static Compaction optimize(
            String location, Map<String, String> kernelConf, long targetFileSize)
            throws IOException {
        DeltaTableInfo info =
                DeltaTableInfo.load(location, kernelConf)
                        .orElseThrow(() -> new IOException("No Delta table at " + location));
        DeltaSink sink =
                DeltaSink.builder()
                        .tablePath(info.location())
                        .rowType(info.rowType())
                        .partitionColumns(info.partitionColumns())
                        .sinkId("tributary-optimize")
                        .targetFileSize(targetFileSize)
                        .kernelConf(kernelConf)
                        .build();
        return TableCompaction.compact(sink.config());
    }

    /**
     * Deletes unneeded data files older than {@code retention}; with {@code dryRun} only lists
     * them.
     *
     * @throws IllegalArgumentException for a retention below {@link #SAFE_RETENTION} unless forced
     */
    public static Vacuum vacuum(
            String location,
            Map<String, String> kernelConf,
            Duration retention,
            boolean dryRun,
            boolean force)
            throws IOException {
        return vacuum(location, kernelConf, retention, dryRun, force, System.currentTimeMillis());
    }

    static Vacuum vacuum(
            String location,
            Map<String, String> kernelConf,
            Duration retention,
            boolean dryRun,
            boolean force,
            long nowMillis)
            throws IOException {
        if (retention.compareTo(SAFE_RETENTION) < 0 && !force) {
            throw new IllegalArgumentException(
                    "A vacuum retention of "
                            + retention.toHours()
                            + " h is below "
                            + SAFE_RETENTION.toHours()
                            + " h: it may delete files that a running job has written but not "
                            + "committed yet, or that a continuous reader has still to read. Force it only when no job "
                            + "writes or reads the table.");
        }
        return TableVacuum.vacuum(
                DeltaEngines.qualify(location), kernelConf, retention, nowMillis, dryRun);
    }

    /** Writes a log checkpoint at the latest version and returns that version. */
    public static long checkpoint(String location, Map<String, String> kernelConf)
            throws IOException {
        String path = DeltaEngines.qualify(location);
        Engine engine = DeltaEngines.create(kernelConf);
        Snapshot snapshot =
                DeltaTables.latest(engine, path)
                        .orElseThrow(() -> new IOException("No Delta table at " + location));
        try {
            snapshot.writeCheckpoint(engine);
        } catch (CheckpointAlreadyExistsException e) {
            // The latest version is checkpointed already: that is what was asked for.
        }
        return snapshot.getVersion();
    }
}
