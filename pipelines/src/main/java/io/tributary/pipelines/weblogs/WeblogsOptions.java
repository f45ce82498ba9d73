package io.tributary.pipelines.weblogs;

import io.tributary.pipelines.runtime.StreamSource;
import io.tributary.pipelines.streams.LineRecordFormat;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Settings of the web-log pipeline. */
@PublicEvolving
public final class WeblogsOptions {
    private WeblogsOptions() {}

    public static final ConfigOption<StreamSource> SOURCE =
            ConfigOptions.key("tributary.weblogs.source")
                    .enumType(StreamSource.class)
                    .defaultValue(StreamSource.KAFKA)
                    .withDescription("What the streaming job reads log lines from.");

    public static final ConfigOption<String> STREAM =
            ConfigOptions.key("tributary.weblogs.stream")
                    .stringType()
                    .defaultValue("weblogs")
                    .withDescription(
                            "Kinesis stream (name or ARN) the streaming job reads log lines from, with"
                                    + " tributary.weblogs.source = kinesis.");

    public static final ConfigOption<String> TOPIC =
            ConfigOptions.key("tributary.weblogs.topic")
                    .stringType()
                    .defaultValue("weblogs.lines")
                    .withDescription("Kafka topic the streaming job reads log lines from.");

    public static final ConfigOption<LineRecordFormat> FORMAT =
            ConfigOptions.key("tributary.weblogs.format")
                    .enumType(LineRecordFormat.class)
                    .defaultValue(LineRecordFormat.RAW)
                    .withDescription("How a Kafka or Kinesis record carries its line.");
}
