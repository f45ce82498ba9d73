package io.tributary.connector.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.kinesis.testutils.ShardRecordLines;
import java.time.Instant;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class KinesisSourceBuilderTest {

    @Test
    void aStreamIsNamedOnceByNameOrArn() {
        assertThatThrownBy(() -> builder().build())
                .hasMessageContaining("exactly one of 'stream.arn' and 'stream' (got neither)");
        assertThatThrownBy(
                        () ->
                                builder()
                                        .streamName("a")
                                        .streamArn(
                                                "arn:aws:kinesis:eu-west-1:123456789012:stream/a")
                                        .build())
                .hasMessageContaining("(got both)");
        assertThatThrownBy(() -> builder().streamArn("arn:aws:s3:::bucket").build())
                .hasMessageContaining("is not a Kinesis stream ARN");
    }

    @Test
    void anArnGivesTheStreamNameAndRegion() {
        KinesisSource<String> source =
                builder().streamArn("arn:aws:kinesis:eu-west-1:123456789012:stream/clicks").build();
        assertThat(source.streamName()).isEqualTo("clicks");
        assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(builder().streamName("x").bounded(true).build().getBoundedness())
                .isEqualTo(Boundedness.BOUNDED);
    }

    @Test
    void crossFieldRulesAreCheckedAtBuild() {
        assertThatThrownBy(
                        () ->
                                builder()
                                        .streamName("s")
                                        .initialPosition(InitialPosition.AT_TIMESTAMP)
                                        .build())
                .hasMessageContaining("needs 'source.init.timestamp'");
        Configuration basicWithoutKeys = new Configuration();
        basicWithoutKeys.set(
                KinesisSourceOptions.AWS_CREDENTIALS_PROVIDER, CredentialsProvider.BASIC);
        assertThatThrownBy(() -> builder().streamName("s").configure(basicWithoutKeys).build())
                .hasMessageContaining("'BASIC' needs 'aws.credentials.basic.accesskeyid'");
        Configuration tooMany = new Configuration();
        tooMany.set(KinesisSourceOptions.MAX_RECORDS_PER_GET, 10_001);
        assertThatThrownBy(() -> builder().streamName("s").configure(tooMany).build())
                .hasMessageContaining("from 1 to 10000 (got 10001)");
    }

    @Test
    void initialTimestampsAreSecondsOrThePattern() {
        String pattern = KinesisSourceOptions.INITIAL_TIMESTAMP_FORMAT.defaultValue();
        assertThat(KinesisSource.Builder.parseTimestamp("1700000000.25", pattern))
                .isEqualTo(1_700_000_000_250L);
        assertThat(KinesisSource.Builder.parseTimestamp("2023-11-14T22:13:20.000+00:00", pattern))
                .isEqualTo(1_700_000_000_000L);
        assertThatThrownBy(() -> KinesisSource.Builder.parseTimestamp("yesterday", pattern))
                .hasMessageContaining("'source.init.timestamp' = 'yesterday' is neither");
        assertThat(builder().streamName("s").initialTimestamp(Instant.ofEpochMilli(1500)).build())
                .isNotNull();
    }

    @Test
    void sequenceNumbersCompareAsNumbers() {
        assertThat(ShardRecord.compareSequenceNumbers("99", "100")).isNegative();
        assertThat(ShardRecord.compareSequenceNumbers("100", "99")).isPositive();
        assertThat(ShardRecord.compareSequenceNumbers("123", "124")).isNegative();
        assertThat(ShardRecord.compareSequenceNumbers("5", "5")).isZero();
    }

    private static KinesisSource.Builder<String> builder() {
        return KinesisSource.<String>builder().deserializer(new ShardRecordLines());
    }

    @Test
    void everyOptionIsReadByTheBuilderAndTheTable() throws IllegalAccessException {
        java.util.List<org.apache.flink.configuration.ConfigOption<?>> declared =
                new java.util.ArrayList<>();
        for (java.lang.reflect.Field field : KinesisSourceOptions.class.getFields()) {
            if (field.getType() == org.apache.flink.configuration.ConfigOption.class) {
                declared.add((org.apache.flink.configuration.ConfigOption<?>) field.get(null));
            }
        }
        assertThat(KinesisSourceOptions.all()).containsExactlyInAnyOrderElementsOf(declared);
    }
}
