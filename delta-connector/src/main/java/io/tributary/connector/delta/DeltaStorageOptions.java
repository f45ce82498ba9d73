package io.tributary.connector.delta;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/**
 * Storage settings of the connector: Flink configuration keys of the cluster (read like Flink's own
 * {@code s3.*} keys, see {@link DeltaStorage}), not table options.
 */
@PublicEvolving
public final class DeltaStorageOptions {
    private DeltaStorageOptions() {}

    public static final ConfigOption<Boolean> S3_CONDITIONAL_WRITES =
            ConfigOptions.key("s3.delta.conditional-writes")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Write Delta log files on s3:// with If-None-Match: * (through the AWS SDK, "
                                    + "configured from Flink's s3.* keys), so two writers of one table can "
                                    + "never both commit a version. AWS S3 and MinIO support it; turn it "
                                    + "off only for a store that rejects the header, and then keep to one "
                                    + "writer per table (an existence check guards the write instead).");
}
