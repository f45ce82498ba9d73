package io.tributary.pipelines.runtime;

import org.apache.flink.annotation.PublicEvolving;

/** A problem the user can fix: the message says what is wrong, the fix says how to mend it. */
@PublicEvolving
public class ConfigurationError extends RuntimeException {
    private final String fix;

    public ConfigurationError(String message, String fix) {
        super(message);
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }
}
