package io.tributary.pipelines.runtime;

import static org.apache.flink.configuration.description.TextElement.text;

import java.util.Locale;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.DescribedEnum;
import org.apache.flink.configuration.description.InlineElement;

/**
 * Whether a backfill runs a derived stage declared {@code in-job-before} in the job of the stage
 * before it ({@link Pipeline.Stage#inJobBefore}); the option value is {@link #toString()}.
 */
@PublicEvolving
public enum BackfillJobs implements DescribedEnum {
    AUTO(
            "One job on a Flink cluster, where a backfill's jobs run one after the other; a job per"
                    + " stage on the embedded cluster, which plans each stage while the one before"
                    + " runs (on a few cores that hides more than a second job costs)."),
    COMBINED("Such a stage always runs in the job before it."),
    SEPARATE("Every stage runs as a job of its own.");

    private final String description;

    BackfillJobs(String description) {
        this.description = description;
    }

    /** Whether stages are combined, given whether they run on the embedded cluster. */
    boolean combines(boolean embedded) {
        return this == COMBINED || (this == AUTO && !embedded);
    }

    /** The option value: {@code auto}, {@code combined}, {@code separate}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public InlineElement getDescription() {
        return text(description);
    }
}
