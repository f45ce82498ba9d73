package io.tributary.pipelines.metrics.sla;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/** A service-level agreement on metrics: per metric name, the range its samples must stay in. */
@PublicEvolving
public final class Sla implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String name;
    private final int revision;
    private final LinkedHashMap<String, SlaRange> metrics;

    public Sla(String id, String name, int revision, Map<String, SlaRange> metrics) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.revision = revision;
        this.metrics = new LinkedHashMap<>(metrics);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("an SLA needs at least one metric with a range");
        }
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Starts at 1, one more with each change; the service's ETag. */
    public int revision() {
        return revision;
    }

    public Map<String, SlaRange> metrics() {
        return java.util.Collections.unmodifiableMap(metrics);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Sla)) {
            return false;
        }
        Sla other = (Sla) o;
        return id.equals(other.id)
                && name.equals(other.name)
                && revision == other.revision
                && metrics.equals(other.metrics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, revision);
    }

    @Override
    public String toString() {
        return name + " (" + id + ", revision " + revision + "): " + metrics;
    }
}
