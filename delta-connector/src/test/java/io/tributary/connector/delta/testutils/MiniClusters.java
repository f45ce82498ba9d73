package io.tributary.connector.delta.testutils;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * The cluster a test class runs its jobs on: one task manager, started before the class and stopped
 * after it (a cluster per job stops only after its job, too late when the job is its JVM's last,
 * and leaves its folders in {@code /tmp}).
 */
public final class MiniClusters {
    private MiniClusters() {}

    /** One task manager with {@code slots} slots. */
    public static MiniClusterExtension oneTaskManager(int slots) {
        return oneTaskManager(slots, new Configuration());
    }

    /** One task manager with {@code slots} slots and {@code conf} (a metric reporter, say). */
    public static MiniClusterExtension oneTaskManager(int slots, Configuration conf) {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(slots)
                        .setConfiguration(conf)
                        .build());
    }
}
