package io.tributary.pipelines.command;

import io.tributary.pipelines.runtime.EmbeddedCluster;
import io.tributary.pipelines.runtime.ExecutionDefaults;
import io.tributary.pipelines.runtime.LakeCatalog;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/** Runs Flink SQL in batch mode over every table of the lake. */
@PublicEvolving
public final class LakeQuery {
    private final List<String> columns;
    private final List<List<Object>> rows;

    private LakeQuery(List<String> columns, List<List<Object>> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    public static TableEnvironment environment(Configuration conf) {
        Configuration tableConf = ExecutionDefaults.apply(conf);
        EmbeddedCluster.install();
        EmbeddedCluster.startEarly(tableConf);
        TableEnvironment tEnv =
                TableEnvironment.create(
                        EnvironmentSettings.newInstance()
                                .inBatchMode()
                                .withConfiguration(tableConf)
                                .build());
        LakeCatalog.use(tEnv, conf);
        return tEnv;
    }

    public static LakeQuery run(TableEnvironment tEnv, String sql) throws Exception {
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

    public List<String> columns() {
        return columns;
    }

    public List<List<Object>> rows() {
        return rows;
    }

    /** The first column of the first row: the answer of a query that computes one value. */
    public Object value() {
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }
}
