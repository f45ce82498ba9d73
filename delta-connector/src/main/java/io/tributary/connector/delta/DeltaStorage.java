package io.tributary.connector.delta;

import io.tributary.connector.delta.internal.DeltaEngines;
import io.tributary.connector.delta.internal.S3ConditionalPut;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.Configuration;

/**
 * Storage settings of the connector beyond Flink's file systems. On a cluster they are read from
 * the cluster's configuration file, like Flink's own {@code s3.*} keys; an embedded cluster (the
 * CLI, tests) passes its configuration here before it runs jobs.
 */
@PublicEvolving
public final class DeltaStorage {
    private DeltaStorage() {}

    /**
     * The {@code s3.*} keys (endpoint, path style, credentials, region) for conditional log writes.
     */
    public static void configure(Configuration conf) {
        S3ConditionalPut.configure(conf);
    }

    /**
     * A table or folder location as the connector stores it: a relative path becomes an absolute
     * {@code file:} URI, and a trailing slash goes, so the same folder always has one name.
     */
    public static String qualify(String location) {
        return DeltaEngines.qualify(location);
    }
}
