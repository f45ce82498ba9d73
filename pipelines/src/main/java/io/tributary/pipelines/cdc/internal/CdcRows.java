package io.tributary.pipelines.cdc.internal;

import io.tributary.pipelines.cdc.CdcTableSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;

/** The row layouts that flow between the CDC job's operators and into its views. */
@Internal
public final class CdcRows {
    private static final LogicalType STRING = VarCharType.STRING_TYPE;
    private static final LogicalType MICROS_TS = new LocalZonedTimestampType(6);
    private static final LogicalType MILLIS_TS = new LocalZonedTimestampType(3);

    /** A decoded change event of a captured table, for {@code bronze.cdc_<table>}. */
    public static final RowType EVENT =
            RowType.of(
                    new LogicalType[] {
                        STRING,
                        STRING,
                        MICROS_TS,
                        STRING,
                        STRING,
                        STRING,
                        STRING,
                        STRING,
                        new BigIntType(),
                        MILLIS_TS
                    },
                    new String[] {
                        "table_name",
                        "op",
                        "commit_ts",
                        "log_position",
                        "source_schema",
                        "source_table",
                        "payload",
                        "source",
                        "source_offset",
                        "ingested_at"
                    });

    /** A control event (DDL, truncate), for {@code bronze.cdc_control_events}. */
    public static final RowType CONTROL =
            RowType.of(
                    new LogicalType[] {
                        STRING,
                        STRING,
                        STRING,
                        STRING,
                        MICROS_TS,
                        STRING,
                        STRING,
                        STRING,
                        new BigIntType(),
                        MILLIS_TS
                    },
                    new String[] {
                        "format",
                        "operation",
                        "source_schema",
                        "source_table",
                        "commit_ts",
                        "detail",
                        "payload",
                        "source",
                        "source_offset",
                        "ingested_at"
                    });

    /** A record that is no change event, for {@code bronze.cdc_rejects}. */
    public static final RowType BRONZE_REJECT =
            RowType.of(
                    new LogicalType[] {STRING, STRING, STRING, new BigIntType(), MILLIS_TS},
                    new String[] {"reason", "payload", "source", "source_offset", "ingested_at"});

    /** A change event whose row does not fit its table, for {@code silver.cdc_rejects}. */
    public static final RowType SILVER_REJECT =
            RowType.of(
                    new LogicalType[] {
                        STRING,
                        STRING,
                        MICROS_TS,
                        STRING,
                        STRING,
                        STRING,
                        new BigIntType(),
                        MILLIS_TS
                    },
                    new String[] {
                        "table_name",
                        "op",
                        "commit_ts",
                        "reason",
                        "payload",
                        "source",
                        "source_offset",
                        "ingested_at"
                    });

    private CdcRows() {}

    /**
     * A typed change of one table: its columns, then the change's commit time in microseconds and
     * its log position. The row kind is {@code UPDATE_AFTER} for an insert or update and {@code
     * DELETE} for a delete.
     */
    public static RowType change(CdcTableSpec spec) {
        List<RowType.RowField> fields = new ArrayList<>(spec.rowType().getFields());
        fields.add(new RowType.RowField("__commit_micros", new BigIntType(false)));
        fields.add(
                new RowType.RowField(
                        "__log_position", new VarCharType(false, VarCharType.MAX_LENGTH)));
        return new RowType(false, fields);
    }

    /**
     * A change on its way to the keyed operators: {@link #change} followed by the Kafka record it
     * came from ({@code kafka:<topic>/<partition>} and offset; null for what a table already held),
     * so that what an operator rejects names its record. Never kept in state.
     */
    public static RowType routed(CdcTableSpec spec) {
        List<RowType.RowField> fields = new ArrayList<>(change(spec).getFields());
        fields.add(new RowType.RowField("__source", STRING));
        fields.add(new RowType.RowField("__source_offset", new BigIntType()));
        return new RowType(false, fields);
    }

    /** A row of the SCD2 history table: the table's columns and the version's validity. */
    public static RowType history(CdcTableSpec spec) {
        List<RowType.RowField> fields = new ArrayList<>(spec.rowType().getFields());
        fields.add(new RowType.RowField("valid_from", new LocalZonedTimestampType(false, 6)));
        fields.add(new RowType.RowField("valid_to", MICROS_TS));
        fields.add(new RowType.RowField("is_current", new BooleanType(false)));
        return new RowType(false, fields);
    }
}
