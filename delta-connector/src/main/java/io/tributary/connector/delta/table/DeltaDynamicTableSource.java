package io.tributary.connector.delta.table;

import io.tributary.connector.delta.source.ColumnFilter;
import io.tributary.connector.delta.source.DeltaSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.SourceProvider;
import org.apache.flink.table.connector.source.abilities.SupportsFilterPushDown;
import org.apache.flink.table.connector.source.abilities.SupportsProjectionPushDown;
import org.apache.flink.table.expressions.ResolvedExpression;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Scan of a Delta table with projection and filter push-down: bounded over the latest snapshot, or,
 * with {@code source.monitor-interval}, continuous — the snapshot, then each new commit's added
 * rows as inserts and removed rows as deletes.
 */
@Internal
final class DeltaDynamicTableSource
        implements ScanTableSource, SupportsProjectionPushDown, SupportsFilterPushDown {
    private final String path;
    private RowType producedType;
    private final List<String> partitionColumns;
    private List<ColumnFilter> filters;
    private final Map<String, String> kernelConf;
    private final @Nullable Duration monitorInterval;
    private final @Nullable String catchUpDir;

    DeltaDynamicTableSource(
            String path,
            RowType producedType,
            List<String> partitionColumns,
            List<ColumnFilter> filters,
            Map<String, String> kernelConf,
            @Nullable Duration monitorInterval,
            @Nullable String catchUpDir) {
        this.monitorInterval = monitorInterval;
        this.catchUpDir = catchUpDir;
        this.path = path;
        this.producedType = producedType;
        this.partitionColumns = partitionColumns;
        this.filters = filters;
        this.kernelConf = kernelConf;
    }

    @Override
    public ChangelogMode getChangelogMode() {
        if (monitorInterval == null) {
            return ChangelogMode.insertOnly();
        }
        // A continuous read emits inserts and full-row deletes (a commit's removed files): a
        // retraction stream. Declared as one, updates included though none come, because Flink's
        // planner derives "no update kind" from inserts + deletes and then finds no strategy for a
        // ROW_NUMBER over them (a dedup of a live table), which a retraction stream has.
        return ChangelogMode.all();
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
        return SourceProvider.of(
                new DeltaSource(
                        path,
                        producedType,
                        partitionColumns,
                        filters,
                        kernelConf,
                        monitorInterval,
                        catchUpDir));
    }

    @Override
    public boolean supportsNestedProjection() {
        return false;
    }

    @Override
    public void applyProjection(int[][] projectedFields, DataType producedDataType) {
        this.producedType = (RowType) producedDataType.getLogicalType();
    }

    @Override
    public Result applyFilters(List<ResolvedExpression> expressions) {
        List<ResolvedExpression> accepted = new ArrayList<>();
        List<ColumnFilter> converted = new ArrayList<>(filters);
        for (ResolvedExpression e : expressions) {
            Optional<ColumnFilter> filter = FilterConversions.toColumnFilter(e);
            if (filter.isPresent()) {
                converted.add(filter.get());
                accepted.add(e);
            }
        }
        this.filters = converted;
        // Kernel prunes whole files only, so Flink still evaluates every filter on the rows.
        return Result.of(accepted, expressions);
    }

    @Override
    public DynamicTableSource copy() {
        return new DeltaDynamicTableSource(
                path,
                producedType,
                partitionColumns,
                new ArrayList<>(filters),
                kernelConf,
                monitorInterval,
                catchUpDir);
    }

    @Override
    public String asSummaryString() {
        return "Delta(" + path + (filters.isEmpty() ? "" : ", filters=" + filters) + ")";
    }
}
