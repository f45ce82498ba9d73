package io.tributary.pipelines.command.report;

import io.tributary.pipelines.command.LakeQuery;
import io.tributary.pipelines.runtime.ConfigurationError;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.ObjectPath;

/** What a report reads from the lake: whether a table is there, and a query's rows. */
@Internal
public final class ReportTables {
    private ReportTables() {}

    public static boolean exists(TableEnvironment tEnv, String layer, String name) {
        return List.of(tEnv.listDatabases()).contains(layer)
                && tEnv.getCatalog(tEnv.getCurrentCatalog())
                        .orElseThrow()
                        .tableExists(new ObjectPath(layer, name));
    }

    /** Fails with what to run when the pipeline has not written {@code layer.name} yet. */
    public static void require(TableEnvironment tEnv, String layer, String name, String howToFill) {
        if (!exists(tEnv, layer, name)) {
            throw new ConfigurationError("The lake has no " + layer + "." + name, howToFill);
        }
    }

    public static ReportTable query(TableEnvironment tEnv, String sql) throws Exception {
        LakeQuery q = LakeQuery.run(tEnv, sql);
        return new ReportTable(q.columns(), q.rows());
    }
}
