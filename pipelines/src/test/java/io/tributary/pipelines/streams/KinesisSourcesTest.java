package io.tributary.pipelines.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.kinesis.InitialPosition;
import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.TributaryOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class KinesisSourcesTest {

    @Test
    void sourceSettingsUseTheOfficialKeysAndAMisspellingNamesTheNearest() {
        Configuration conf = new Configuration();
        conf.setString("tributary.kinesis.properties.source.shard.discovery.interval", "30s");
        assertThat(KinesisSources.sourceProperties(conf).toMap())
                .containsEntry("source.shard.discovery.interval", "30s");

        conf.setString("tributary.kinesis.properties.source.shard.discovery.intervall", "30s");
        assertThatThrownBy(() -> KinesisSources.sourceProperties(conf))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining(
                        "tributary.kinesis.properties.source.shard.discovery.intervall")
                .extracting(e -> ((ConfigurationError) e).fix())
                .isEqualTo(
                        "did you mean tributary.kinesis.properties.source.shard.discovery.interval?");
    }

    @Test
    void anAtTimestampStartNeedsItsTime() {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.KINESIS_INITIAL_POSITION, InitialPosition.AT_TIMESTAMP);
        assertThatThrownBy(() -> KinesisSources.sourceProperties(conf))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("AT_TIMESTAMP needs a time");
        conf.set(TributaryOptions.KINESIS_INITIAL_TIMESTAMP, "1700000000");
        assertThat(KinesisSources.sourceProperties(conf).toMap())
                .containsEntry("source.init.timestamp", "1700000000");
    }

    @Test
    void rowsNameTheirRecordByStreamShardAndSequenceNumber() {
        String source =
                KinesisSources.sourceOf(
                        KinesisSources.streamNameOf(
                                "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks"),
                        "shardId-000000000003",
                        "4968");
        assertThat(source).isEqualTo("kinesis:clicks/shardId-000000000003/4968");
        assertThat(KinesisSources.isRecord(source)).isTrue();
        assertThat(KinesisSources.shardPartOf(source))
                .isEqualTo("kinesis:clicks/shardId-000000000003");
        assertThat(KinesisSources.sequencePartOf(source)).isEqualTo("4968");
        assertThat(KinesisSources.isRecord("kafka:t/0")).isFalse();
    }
}
