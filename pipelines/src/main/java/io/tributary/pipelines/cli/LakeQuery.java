package io.tributary.pipelines.cli;

import io.tributary.pipelines.runtime.ExecutionDefaults;
import io.tributary.pipelines.runtime.LakeCatalog;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import java.util.ArrayList;
import java.util.List;

/** Runs Flink SQL in batch mode over every table of the lake. */
final class LakeQuery {
    final List<String> columns;
    final List<List<Object>> rows;

    private LakeQuery(List<String> columns, List<List<Object>> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    static TableEnvironment environment(Configuration conf) {
        Configuration tableConf = ExecutionDefaults.apply(conf);
        TableEnvironment tEnv = TableEnvironment.create(
                EnvironmentSettings.newInstance().inBatchMode().withConfiguration(tableConf).build());
        LakeCatalog.registerFound(tEnv, LakeCatalog.discover(conf));
        return tEnv;
    }

    static LakeQuery run(TableEnvironment tEnv, String sql) throws Exception {
        TableResult result = tEnv.executeSql(sql);
        List<String> columns = result.getResolvedSchema().getColumnNames();
        List<List<Object>> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            while (it.hasNext()) {
                Row row = it.next();
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < row.getArity(); i++) {
                    values.add(row.getField(i));
                }
                rows.add(values);
            }
        }
        return new LakeQuery(columns, rows);
    }
}
