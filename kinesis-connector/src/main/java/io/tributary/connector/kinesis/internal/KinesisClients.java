package io.tributary.connector.kinesis.internal;

import io.tributary.connector.kinesis.CredentialsProvider;
import java.net.URI;
import java.time.Duration;
import org.apache.flink.annotation.Internal;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

/** Kinesis clients for the enumerator and the readers, from the source's settings. */
@Internal
public final class KinesisClients {
    private KinesisClients() {}

    /**
     * @param sdkRetries whether the SDK retries throttled and failed calls itself; readers pass
     *     false and back off per shard, so one throttled shard does not hold up the others
     */
    public static KinesisClient create(KinesisSourceConfig config, boolean sdkRetries) {
        KinesisClientBuilder builder =
                KinesisClient.builder()
                        .httpClientBuilder(
                                ApacheHttpClient.builder()
                                        .connectionTimeout(Duration.ofSeconds(10))
                                        .socketTimeout(Duration.ofSeconds(30)));
        if (config.region != null) {
            builder.region(Region.of(config.region));
        }
        if (config.endpoint != null) {
            builder.endpointOverride(URI.create(config.endpoint));
        }
        if (config.credentialsProvider == CredentialsProvider.BASIC) {
            builder.credentialsProvider(
                    StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(
                                    config.accessKeyId, config.secretAccessKey)));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        if (!sdkRetries) {
            builder.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        }
        return builder.build();
    }
}
