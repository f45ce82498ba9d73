package io.tributary.connector.delta.table;

import io.tributary.connector.delta.DeltaConnectorOptions;
import io.tributary.connector.delta.DeltaSink;
import io.tributary.connector.delta.DeltaWriteConf;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.UniqueConstraint;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.logical.RowType;

/** {@code 'connector' = 'delta'}: reads and writes Delta Lake tables through Delta Kernel. */
@Internal
public class DeltaDynamicTableFactory
        implements DynamicTableSourceFactory, DynamicTableSinkFactory {
    public static final String IDENTIFIER = "delta";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(DeltaConnectorOptions.PATH);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(
                DeltaConnectorOptions.SINK_ID,
                DeltaConnectorOptions.SINK_TARGET_FILE_SIZE,
                DeltaConnectorOptions.SINK_ROW_GROUP_SIZE,
                DeltaConnectorOptions.SINK_MAX_OPEN_FILES,
                DeltaConnectorOptions.SINK_MAX_BUFFERED_CHANGES,
                DeltaConnectorOptions.SINK_PARALLELISM,
                DeltaConnectorOptions.SINK_REPLACE_ON_START,
                DeltaConnectorOptions.SINK_SCHEMA_EVOLUTION,
                DeltaConnectorOptions.SINK_REPLACE_WHERE_COLUMN,
                DeltaConnectorOptions.SINK_REPLACE_WHERE_VALUES,
                DeltaConnectorOptions.SINK_REPLACE_WHERE_FROM,
                DeltaConnectorOptions.SINK_REPLACE_WHERE_UNTIL,
                DeltaConnectorOptions.SINK_WRITER_LEASE,
                DeltaConnectorOptions.LOG_CHECKPOINT_INTERVAL,
                DeltaConnectorOptions.SOURCE_MONITOR_INTERVAL,
                DeltaConnectorOptions.SOURCE_CATCH_UP_DIR,
                DeltaConnectorOptions.SINK_REPLACE_ON_START_CATCH_UP_DIR);
    }

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        ReadableConfig options = helper.getOptions();
        ResolvedCatalogTable table = context.getCatalogTable();
        DeltaSink.Builder builder =
                DeltaSink.builder()
                        .tablePath(options.get(DeltaConnectorOptions.PATH))
                        .rowType(rowType(table))
                        .partitionColumns(table.getPartitionKeys())
                        .primaryKey(
                                table.getResolvedSchema()
                                        .getPrimaryKey()
                                        .map(UniqueConstraint::getColumns)
                                        .orElse(List.of()))
                        .sinkId(
                                options.getOptional(DeltaConnectorOptions.SINK_ID)
                                        .orElse(context.getObjectIdentifier().asSummaryString()))
                        .replaceOnStart(options.get(DeltaConnectorOptions.SINK_REPLACE_ON_START))
                        .replaceOnStartAfterCatchUp(
                                options.getOptional(
                                                DeltaConnectorOptions
                                                        .SINK_REPLACE_ON_START_CATCH_UP_DIR)
                                        .orElse(null))
                        .schemaEvolution(options.get(DeltaConnectorOptions.SINK_SCHEMA_EVOLUTION))
                        .replaceWhere(
                                options.getOptional(DeltaConnectorOptions.SINK_REPLACE_WHERE_COLUMN)
                                        .orElse(null),
                                options.getOptional(DeltaConnectorOptions.SINK_REPLACE_WHERE_VALUES)
                                        .orElse(List.of()))
                        .replaceWhereRange(
                                options.getOptional(DeltaConnectorOptions.SINK_REPLACE_WHERE_COLUMN)
                                        .orElse(null),
                                options.getOptional(DeltaConnectorOptions.SINK_REPLACE_WHERE_FROM)
                                        .orElse(null),
                                options.getOptional(DeltaConnectorOptions.SINK_REPLACE_WHERE_UNTIL)
                                        .orElse(null))
                        .writerParallelism(
                                options.getOptional(DeltaConnectorOptions.SINK_PARALLELISM)
                                        .orElse(null));
        new DeltaWriteConf(options, context.getConfiguration()).applyTo(builder);
        try {
            // Options are checked now, at planning; whether the statement overwrites is known
            // later.
            builder.overwrite(
                            options.getOptional(DeltaConnectorOptions.SINK_REPLACE_WHERE_COLUMN)
                                    .isPresent())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    e.getMessage() + " (table " + context.getObjectIdentifier() + ")", e);
        }
        return new DeltaDynamicTableSink(
                builder, table.getResolvedSchema().getPrimaryKey().isPresent(), false, false);
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        ResolvedCatalogTable table = context.getCatalogTable();
        return new DeltaDynamicTableSource(
                helper.getOptions().get(DeltaConnectorOptions.PATH),
                rowType(table),
                List.copyOf(table.getPartitionKeys()),
                List.of(),
                new HashMap<>(),
                helper.getOptions()
                        .getOptional(DeltaConnectorOptions.SOURCE_MONITOR_INTERVAL)
                        .orElse(null),
                helper.getOptions()
                        .getOptional(DeltaConnectorOptions.SOURCE_CATCH_UP_DIR)
                        .orElse(null));
    }

    private static RowType rowType(ResolvedCatalogTable table) {
        return (RowType) table.getResolvedSchema().toPhysicalRowDataType().getLogicalType();
    }
}
