package io.tributary.connector.delta.source;

import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.DataType;
import io.tributary.connector.delta.internal.PartitionValues;
import java.io.Serializable;
import org.apache.flink.annotation.Internal;

/**
 * A {@code column op literal} comparison the source hands to Kernel for partition pruning and file
 * skipping by statistics. Flink still evaluates every filter on the rows read, so a filter only
 * ever saves work. The literal is kept in Delta's partition-value string form.
 */
@Internal
public final class ColumnFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    final String column;

    /** One of {@code = < <= > >=}. */
    final String operator;

    final String value;

    public ColumnFilter(String column, String operator, String value) {
        this.column = column;
        this.operator = operator;
        this.value = value;
    }

    Predicate toKernel(DataType type) {
        return new Predicate(operator, new Column(column), PartitionValues.toLiteral(value, type));
    }

    @Override
    public String toString() {
        return column + " " + operator + " " + value;
    }
}
