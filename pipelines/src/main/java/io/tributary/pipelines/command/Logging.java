package io.tributary.pipelines.command;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Keeps Flink's logs out of the user's way unless they ask for them. */
@PublicEvolving
public final class Logging {
    private Logging() {}

    /**
     * Back to the logging configuration's own levels, with its console appender writing to {@link
     * System#err} as it is now: between the commands of one JVM (the command server).
     */
    public static void reset() {
        try {
            Configurator.reconfigure();
        } catch (NoClassDefFoundError e) {
            // Running inside a Flink cluster, whose logging configuration applies.
        }
    }

    public static void configure(boolean verbose) {
        try {
            Configurator.setRootLevel(verbose ? Level.INFO : Level.ERROR);
            if (!verbose) {
                // The demo's embedded broker logs its controller's stalls under load as errors;
                // the jobs report what matters to the user themselves.
                for (String broker :
                        new String[] {
                            "kafka", "org.apache.kafka.controller", "org.apache.kafka.raft"
                        }) {
                    Configurator.setLevel(broker, Level.OFF);
                }
            }
        } catch (NoClassDefFoundError e) {
            // Running inside a Flink cluster, whose logging configuration applies.
        }
    }
}
