package io.tributary.pipelines.metrics.sla;

import java.io.Serializable;
import java.util.List;
import org.apache.flink.annotation.Internal;

/** Where a job finds the SLAs in force: fixed at its start, or the lake's, read again and again. */
@Internal
@FunctionalInterface
public interface SlaSource extends Serializable {
    List<Sla> current();

    /** The same SLAs throughout (a backfill checks those in force when it starts). */
    static SlaSource fixed(List<Sla> slas) {
        List<Sla> copy = List.copyOf(slas);
        return () -> copy;
    }

    /** The SLAs the lake at {@code tableLocation} holds in force each time it is asked. */
    static SlaSource lake(String tableLocation) {
        return () -> SlaStore.at(tableLocation).current();
    }
}
