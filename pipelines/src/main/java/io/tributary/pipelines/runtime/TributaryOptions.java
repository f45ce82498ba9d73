package io.tributary.pipelines.runtime;

import io.tributary.connector.delta.DeltaWriteConf;
import io.tributary.connector.kinesis.InitialPosition;
import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;

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

    public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
            ConfigOptions.key("tributary.kafka.bootstrap-servers")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Kafka brokers the streaming pipelines read, host:port[,host:port]. Further "
                                    + "Kafka client settings (security, SASL) go under "
                                    + "tributary.kafka.properties.<client key>.");

    public static final ConfigOption<String> KAFKA_PROPERTIES_FILE =
            ConfigOptions.key("tributary.kafka.properties-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "A Java properties file of further Kafka client settings, read at start: "
                                    + "where credentials (sasl.jaas.config, key and trust store "
                                    + "passwords) belong, as a mounted Kubernetes Secret, rather than "
                                    + "in tributary.kafka.properties.*. Only its keys are read at start; "
                                    + "Kafka's clients read the values from the file where they run, so "
                                    + "the job graph never holds them. A key set in both is refused.");

    public static final ConfigOption<Duration> STREAMING_CHECKPOINT_INTERVAL =
            ConfigOptions.key("tributary.streaming.checkpoint-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Checkpoint interval of streaming jobs (unless execution.checkpointing.interval "
                                    + "is set): the lake tables' commit interval, so the bound on how "
                                    + "stale they are.");

    public static final ConfigOption<Duration> STREAMING_MONITOR_INTERVAL =
            ConfigOptions.key("tributary.streaming.monitor-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(2))
                    .withDescription(
                            "How often a streaming job looks for commits other jobs (backfills) made to "
                                    + "the lake tables it reads.");

    public static final ConfigOption<Boolean> STREAMING_BOUNDED =
            ConfigOptions.key("tributary.streaming.bounded")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Stop a streaming job once it has consumed the records present when it "
                                    + "started: the Kafka offsets, or each Kinesis shard's records up to"
                                    + " its start (catch-up runs and tests); set by 'run --bounded'.");

    public static final ConfigOption<String> KINESIS_REGION =
            ConfigOptions.key("tributary.kinesis.region")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "AWS region of the Kinesis streams a pipeline reads with"
                                    + " tributary.<pipeline>.source = kinesis; without it, the stream"
                                    + " ARN's region, then the SDK's default (AWS_REGION).");

    public static final ConfigOption<String> KINESIS_ENDPOINT =
            ConfigOptions.key("tributary.kinesis.endpoint")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Kinesis API endpoint instead of the region's: a VPC endpoint, or a local"
                                    + " kinesalite (start the JVM with CBOR_ENABLED=false for it)."
                                    + " Further source settings, with the official connector's keys, go"
                                    + " under tributary.kinesis.properties.<key> (e.g."
                                    + " source.shard.discovery.interval, aws.credentials.provider).");

    public static final ConfigOption<InitialPosition> KINESIS_INITIAL_POSITION =
            ConfigOptions.key("tributary.kinesis.initial-position")
                    .enumType(InitialPosition.class)
                    .defaultValue(InitialPosition.TRIM_HORIZON)
                    .withDescription(
                            "Where a pipeline's first run reads a stream from. Later runs continue"
                                    + " after the sequence numbers the lake holds (or the checkpoint's).");

    public static final ConfigOption<String> KINESIS_INITIAL_TIMESTAMP =
            ConfigOptions.key("tributary.kinesis.initial-timestamp")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "With initial-position AT_TIMESTAMP: seconds since the epoch, or"
                                    + " yyyy-MM-dd'T'HH:mm:ss.SSSXXX.");

    public static final ConfigOption<String> STREAMING_CHECKPOINT_DIR =
            ConfigOptions.key("tributary.streaming.checkpoint-dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Where streaming jobs keep their checkpoints, one folder per pipeline and "
                                    + "stage (unless execution.checkpointing.dir is set). Default: "
                                    + "<tributary.lake.root>/_checkpoints. Checkpoints are retained when a "
                                    + "job is cancelled or dies, so 'run --resume' can continue from them.");

    public static final ConfigOption<Boolean> STREAMING_RESUME =
            ConfigOptions.key("tributary.streaming.resume")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Start a streaming job from the latest complete checkpoint its previous run "
                                    + "retained (state, Kafka offsets and uncommitted files), or fresh "
                                    + "when there is none; set by 'run --resume'. A fresh start continues "
                                    + "after the Kafka offsets the lake tables hold.");

    public static final ConfigOption<BackfillJobs> BACKFILL_JOBS =
            ConfigOptions.key("tributary.backfill.jobs")
                    .enumType(BackfillJobs.class)
                    .defaultValue(BackfillJobs.AUTO)
                    .withDescription(
                            "Whether a backfill runs a pipeline's derived stage (gold) in the job that"
                                    + " writes the tables it reads, where the pipeline declares it"
                                    + " can (in-job-before): that stage then reads those tables as the"
                                    + " job leaves them, not back after its commit.");

    /**
     * The lake tables' writers: see {@link DeltaWriteConf} for these and the other tributary.sink.*
     * keys.
     */
    public static final ConfigOption<MemorySize> SINK_TARGET_FILE_SIZE =
            DeltaWriteConf.TARGET_FILE_SIZE;

    public static final ConfigOption<Integer> SINK_LOG_CHECKPOINT_INTERVAL =
            DeltaWriteConf.LOG_CHECKPOINT_INTERVAL;
}
