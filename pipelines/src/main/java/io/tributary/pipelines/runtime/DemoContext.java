package io.tributary.pipelines.runtime;

import io.tributary.pipelines.demo.EmbeddedKafka;
import java.io.PrintStream;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.Configuration;

/** What the demo command gives each {@link DemoStep}. */
@PublicEvolving
public interface DemoContext {
    /**
     * The demo's settings: its own lake and landing folders. A step copies it to change anything.
     */
    Configuration conf();

    PrintStream out();

    /** Prints a numbered section heading, {@code == 4. title}. */
    void section(String title);

    /**
     * The demo's embedded Kafka broker, started on first use and shared by every streaming step.
     */
    EmbeddedKafka kafka() throws Exception;

    /**
     * {@link #conf()} for a streaming job on the embedded broker: its bootstrap servers, and a
     * checkpoint (so commit) every 2 s unless the user chose an interval.
     */
    Configuration streamingConf() throws Exception;
}
