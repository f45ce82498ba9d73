package io.tributary.connector.kinesis;

import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/**
 * The source's settings, for the {@code 'connector' = 'kinesis'} table and {@link
 * KinesisSource.Builder#configure}. Keys are those of the official connector ({@code
 * flink-connector-aws-kinesis-streams}), so that a table declared for one reads with the other;
 * {@link #BOUNDED} is Tributary's own.
 */
@PublicEvolving
public final class KinesisSourceOptions {
    private KinesisSourceOptions() {}

    public static final ConfigOption<String> STREAM_ARN =
            ConfigOptions.key("stream.arn")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "ARN of the stream to read (arn:aws:kinesis:<region>:<account>:stream/<name>)."
                                    + " Set it or 'stream'.");

    public static final ConfigOption<String> STREAM =
            ConfigOptions.key("stream")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Name of the stream to read, in the account of the credentials. Set it or"
                                    + " 'stream.arn'.");

    public static final ConfigOption<String> AWS_REGION =
            ConfigOptions.key("aws.region")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "AWS region of the stream; without it, the region of the ARN, then the"
                                    + " SDK's default (AWS_REGION, the profile, the instance).");

    public static final ConfigOption<String> AWS_ENDPOINT =
            ConfigOptions.key("aws.endpoint")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Kinesis API endpoint instead of the region's, such as a VPC endpoint or"
                                    + " a local kinesalite (http://localhost:4567).");

    public static final ConfigOption<CredentialsProvider> AWS_CREDENTIALS_PROVIDER =
            ConfigOptions.key("aws.credentials.provider")
                    .enumType(CredentialsProvider.class)
                    .defaultValue(CredentialsProvider.AUTO)
                    .withDescription("Where the AWS credentials come from.");

    public static final ConfigOption<String> AWS_ACCESS_KEY_ID =
            ConfigOptions.key("aws.credentials.basic.accesskeyid")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Access key id, with 'aws.credentials.provider' = 'BASIC'.");

    public static final ConfigOption<String> AWS_SECRET_ACCESS_KEY =
            ConfigOptions.key("aws.credentials.basic.secretkey")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Secret access key, with 'aws.credentials.provider' = 'BASIC'.");

    public static final ConfigOption<InitialPosition> INITIAL_POSITION =
            ConfigOptions.key("source.init.position")
                    .enumType(InitialPosition.class)
                    .defaultValue(InitialPosition.LATEST)
                    .withDescription(
                            "Where a source without state reads the shards open at its start.");

    public static final ConfigOption<String> INITIAL_TIMESTAMP =
            ConfigOptions.key("source.init.timestamp")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The arrival time to start at with 'source.init.position' ="
                                    + " 'AT_TIMESTAMP', in 'source.init.timestamp.format', or"
                                    + " seconds since the epoch.");

    public static final ConfigOption<String> INITIAL_TIMESTAMP_FORMAT =
            ConfigOptions.key("source.init.timestamp.format")
                    .stringType()
                    .defaultValue("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
                    .withDescription(
                            "java.time pattern of 'source.init.timestamp' (with its offset).");

    public static final ConfigOption<Duration> SHARD_DISCOVERY_INTERVAL =
            ConfigOptions.key("source.shard.discovery.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "How often the stream's shards are listed to find the children of a"
                                    + " split or a merge.");

    public static final ConfigOption<Integer> MAX_RECORDS_PER_GET =
            ConfigOptions.key("source.shard.get-records.max-record-count")
                    .intType()
                    .defaultValue(10000)
                    .withDescription(
                            "Most records one GetRecords call returns (1 to 10,000, Kinesis's limit).");

    public static final ConfigOption<Duration> EMPTY_RECORDS_FETCH_INTERVAL =
            ConfigOptions.key("source.reader.empty-records-fetch-interval")
                    .durationType()
                    .defaultValue(Duration.ofMillis(250))
                    .withDescription(
                            "How long a reader waits when none of its shards returned records."
                                    + " Kinesis allows 5 GetRecords calls per second and shard.");

    public static final ConfigOption<Boolean> BOUNDED =
            ConfigOptions.key("source.bounded")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Tributary only: read the records present when the source starts, then"
                                    + " finish. A shard ends at its last record, at the first record"
                                    + " that arrived after the start, or where GetRecords says it is"
                                    + " no longer behind.");

    /**
     * Every option above: what a table may set and {@link KinesisSource.Builder#configure} reads.
     */
    public static List<ConfigOption<?>> all() {
        return List.of(
                STREAM_ARN,
                STREAM,
                AWS_REGION,
                AWS_ENDPOINT,
                AWS_CREDENTIALS_PROVIDER,
                AWS_ACCESS_KEY_ID,
                AWS_SECRET_ACCESS_KEY,
                INITIAL_POSITION,
                INITIAL_TIMESTAMP,
                INITIAL_TIMESTAMP_FORMAT,
                SHARD_DISCOVERY_INTERVAL,
                MAX_RECORDS_PER_GET,
                EMPTY_RECORDS_FETCH_INTERVAL,
                BOUNDED);
    }
}
