package io.tributary.pipelines.runtime;

import io.tributary.connector.delta.DeltaConnectorOptions;

import org.apache.flink.annotation.PublicEvolving;

import java.util.List;
import java.util.Map;

/**
 * What a backfill of one table replaces: the rows whose {@code column} names one of the inputs this
 * run read (for landing files, each row's {@code source_file}). Rows of other inputs stay, whatever
 * partition they share, so day-by-day backfills add up to one backfill over every day, and a
 * rerun of a day replaces that day's rows only.
 */
@PublicEvolving
public final class BackfillScope {
    private final String column;
    private final List<String> inputs;

    public BackfillScope(String column, List<String> inputs) {
        this.column = column;
        this.inputs = List.copyOf(inputs);
    }

    public String column() {
        return column;
    }

    public List<String> inputs() {
        return inputs;
    }

    /** The Delta sink options that scope an INSERT OVERWRITE to these inputs. */
    Map<String, String> sinkOptions() {
        return Map.of(DeltaConnectorOptions.SINK_REPLACE_WHERE_COLUMN.key(), column,
                DeltaConnectorOptions.SINK_REPLACE_WHERE_VALUES.key(), SqlHints.listValue(inputs));
    }
}
