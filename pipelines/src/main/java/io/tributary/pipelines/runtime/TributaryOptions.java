package io.tributary.pipelines.runtime;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Settings every pipeline shares. Keys live under {@code tributary.}. */
@PublicEvolving
public final class TributaryOptions {
    private TributaryOptions() {}

    public static final ConfigOption<String> LAKE_ROOT =
            ConfigOptions.key("tributary.lake.root")
                    .stringType()
                    .defaultValue("./tributary-data/lake")
                    .withDescription(
                            "Root of the lake: tables live at <root>/<layer>/<table>. A local path, "
                                    + "file:// or s3:// URI.");

    public static final ConfigOption<String> LANDING_ROOT =
            ConfigOptions.key("tributary.landing.root")
                    .stringType()
                    .defaultValue("./tributary-data/landing")
                    .withDescription(
                            "Root of the landing zone: batch pipelines read <root>/<domain>/**.");

    public static final ConfigOption<Integer> PARALLELISM =
            ConfigOptions.key("tributary.parallelism")
                    .intType()
                    .defaultValue(2)
                    .withDescription("Default parallelism of the pipelines' operators.");

    public static final ConfigOption<Integer> SINK_MAX_BUFFERED_ROWS =
            ConfigOptions.key("tributary.sink.max-buffered-rows")
                    .intType()
                    .defaultValue(500_000)
                    .withDescription(
                            "Rows each Delta writer buffers before writing a Parquet file; larger "
                                    + "values make fewer, bigger files and need more memory.");
}
