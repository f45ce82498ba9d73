package io.tributary.pipelines.weblogs;

import io.tributary.pipelines.kafka.LineRecordFormat;
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

    public static final ConfigOption<LineRecordFormat> FORMAT =
            ConfigOptions.key("tributary.weblogs.format")
                    .enumType(LineRecordFormat.class)
                    .defaultValue(LineRecordFormat.RAW)
                    .withDescription("How a Kafka record carries its line.");
}
