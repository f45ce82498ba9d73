package io.tributary.pipelines.cli;

import io.tributary.pipelines.command.TemporaryFiles;
import io.tributary.pipelines.demo.EmbeddedKafka;
import io.tributary.pipelines.runtime.DemoContext;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.FileUtils;

/** One run of the demo: its numbered sections and the broker its streaming steps share. */
final class DemoRun implements DemoContext, AutoCloseable {
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(2);

    private final Configuration conf;
    private final PrintStream out;
    private int sections;
    private Path kafkaDir;
    private EmbeddedKafka kafka;

    DemoRun(Configuration conf, PrintStream out) {
        this.conf = conf;
        this.out = out;
    }

    @Override
    public Configuration conf() {
        return new Configuration(conf);
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public void section(String title) {
        if (sections > 0) {
            out.println();
        }
        out.println("== " + (++sections) + ". " + title);
    }

    @Override
    public EmbeddedKafka kafka() throws Exception {
        if (kafka == null) {
            kafkaDir = TemporaryFiles.folder("tributary-demo-kafka");
            kafka = EmbeddedKafka.start(kafkaDir);
            out.println("  Embedded Kafka broker on " + kafka.bootstrapServers());
        }
        return kafka;
    }

    @Override
    public Configuration streamingConf() throws Exception {
        Configuration streaming = conf();
        streaming.set(TributaryOptions.KAFKA_BOOTSTRAP_SERVERS, kafka().bootstrapServers());
        if (!conf.contains(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL)) {
            streaming.set(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL, CHECKPOINT_INTERVAL);
        }
        return streaming;
    }

    @Override
    public void close() throws Exception {
        if (kafka != null) {
            try {
                kafka.close();
            } finally {
                FileUtils.deleteDirectory(kafkaDir.toFile());
            }
        }
    }
}
