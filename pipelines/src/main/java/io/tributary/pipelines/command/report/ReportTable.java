package io.tributary.pipelines.command.report;

import java.util.List;
import org.apache.flink.annotation.Internal;

/** Rows of a query the report shows, with their column names. */
@Internal
public record ReportTable(List<String> columns, List<List<Object>> rows) {
    public Object value(List<Object> row, String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("No column " + column + " in " + columns);
        }
        return row.get(i);
    }
}
