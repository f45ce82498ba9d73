package io.tributary.pipelines.weblogs;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Settings of the web-log pipeline. */
@PublicEvolving
public final class WeblogsOptions {
    private WeblogsOptions() {}

    public static final ConfigOption<String> TOPIC =
            ConfigOptions.key("tributary.weblogs.topic")
                    .stringType()
                    .defaultValue("weblogs.lines")
                    .withDescription("Kafka topic the streaming job reads log lines from.");

    public static final ConfigOption<String> FORMAT =
            ConfigOptions.key("tributary.weblogs.format")
                    .stringType()
                    .defaultValue("raw")
                    .withDescription(
                            "How a Kafka record carries its line: 'raw' (the value is the line) or "
                                    + "'kinesis-json' (a Kinesis record envelope whose base64 Data is the "
                                    + "line; a bare line is accepted too).");
}
