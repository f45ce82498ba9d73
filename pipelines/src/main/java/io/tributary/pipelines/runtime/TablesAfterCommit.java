package io.tributary.pipelines.runtime;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.ResolvedSchema;

/**
 * The tables a backfill's job writes, as a stage run by the same job reads them ({@link
 * Pipeline.Stage#inJobBefore}): what each table will hold once the job commits — the rows the
 * backfill keeps, plus the rows its INSERT writes — under the table's own name. A temporary view
 * shadows the table for the statements added after it; the job's INSERTs, added before, still write
 * the table itself.
 *
 * <p>Reading the kept rows does not depend on when the job commits: the commit removes and adds
 * only rows inside the backfill's scope, which the read leaves out. A table without a Delta log yet
 * (the first backfill) keeps nothing.
 */
@Internal
final class TablesAfterCommit {
    private TablesAfterCommit() {}

    /**
     * @param insert the job's INSERT into {@code table}, as declared (before it became an
     *     overwrite)
     * @param scope the rows the backfill replaces; null when it replaces the table whole
     */
    static void shadow(TableEnvironment tEnv, String table, String insert, BackfillScope scope) {
        ResolvedSchema schema = tEnv.from(table).getResolvedSchema();
        if (schema.getPrimaryKey().isPresent()) {
            // A keyed overwrite also replaces rows outside its scope that share a written key.
            throw new IllegalStateException(
                    table + " has a primary key: a stage cannot read it in the job that writes it");
        }
        String written = LiveTables.rowsWritten(schema, InsertStatement.of(insert));
        String query =
                scope == null || !LakeCatalog.hasLog(tEnv, table)
                        ? written
                        : "SELECT "
                                + LiveTables.columnList(schema)
                                + " FROM "
                                + table
                                + " WHERE "
                                + scope.keptRowsCondition()
                                + " UNION ALL "
                                + written;
        tEnv.createTemporaryView(table, tEnv.sqlQuery(query));
    }
}
