package io.tributary.pipelines.metrics;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.flink.annotation.PublicEvolving;

/** One entry of the metrics file: a name and the PromQL whose series it stands for. */
@PublicEvolving
public final class MetricQuery implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A name that is also a folder name and a JSON key: no quoting anywhere. */
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");

    private final String name;
    private final String promql;

    public MetricQuery(String name, String promql) {
        this.name = Objects.requireNonNull(name);
        this.promql = Objects.requireNonNull(promql);
    }

    public String name() {
        return name;
    }

    public String promql() {
        return promql;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricQuery
                && name.equals(((MetricQuery) o).name)
                && promql.equals(((MetricQuery) o).promql);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, promql);
    }

    @Override
    public String toString() {
        return name + ": " + promql;
    }
}
