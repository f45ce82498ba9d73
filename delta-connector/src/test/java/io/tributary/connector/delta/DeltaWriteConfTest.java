package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;

class DeltaWriteConfTest {
    @Test
    void theTablesOptionWinsOverTheJobsWhichWinsOverTheDefault() {
        Configuration job = new Configuration();
        job.set(DeltaWriteConf.TARGET_FILE_SIZE, MemorySize.parse("64mb"));
        job.set(DeltaWriteConf.LOG_CHECKPOINT_INTERVAL, 5);
        DeltaWriteConf conf =
                new DeltaWriteConf(
                        Configuration.fromMap(Map.of("sink.target-file-size", "16mb")), job);

        assertThat(conf.targetFileSize())
                .as("the table's option")
                .isEqualTo(MemorySize.parse("16mb"));
        assertThat(conf.logCheckpointInterval()).as("the job's default").isEqualTo(5);
        assertThat(conf.writerLease())
                .as("the option's default")
                .isEqualTo(DeltaConnectorOptions.SINK_WRITER_LEASE.defaultValue())
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void everyJobWideKeyIsTheTableKeyUnderTributarySink() {
        assertThat(DeltaWriteConf.TARGET_FILE_SIZE.key())
                .isEqualTo("tributary." + DeltaConnectorOptions.SINK_TARGET_FILE_SIZE.key());
        assertThat(DeltaWriteConf.MAX_OPEN_FILES.key())
                .isEqualTo("tributary." + DeltaConnectorOptions.SINK_MAX_OPEN_FILES.key());
        assertThat(DeltaWriteConf.LOG_CHECKPOINT_INTERVAL.key())
                .isEqualTo("tributary.sink.log-checkpoint-interval");
    }
}
