package io.tributary.connector.delta.internal;

import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.TransactionBuilder;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.tributary.connector.delta.DeltaConnectorOptions;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens Delta tables for a sink: creates them from the declared schema or checks they fit it. */
@Internal
public final class DeltaTables {
    private static final Logger LOG = LoggerFactory.getLogger(DeltaTables.class);
    public static final String ENGINE_INFO = "Tributary-Flink/1.20";

    private DeltaTables() {}

    public static Optional<Snapshot> latest(Engine engine, String path) {
        try {
            return Optional.of(Table.forPath(engine, path).getLatestSnapshot(engine));
        } catch (TableNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * A transaction builder that writes the declared table: it creates the table when it does not
     * exist yet and otherwise fails with a readable message if the schemas or partitioning differ.
     */
    public static TransactionBuilder transactionBuilder(
            Engine engine, DeltaSinkConfig config, Operation operation) {
        return transactionBuilder(engine, config, operation, latest(engine, config.tablePath));
    }

    /** As above, for a caller that has just read the table's latest snapshot itself. */
    public static TransactionBuilder transactionBuilder(
            Engine engine,
            DeltaSinkConfig config,
            Operation operation,
            Optional<Snapshot> snapshot) {
        Table table = Table.forPath(engine, config.tablePath);
        StructType declared = config.deltaSchema();
        if (snapshot.isEmpty()) {
            return table.createTransactionBuilder(engine, ENGINE_INFO, Operation.CREATE_TABLE)
                    .withSchema(engine, declared)
                    .withPartitionColumns(engine, config.partitionColumns)
                    .withTableProperties(
                            engine,
                            Map.of(
                                    "delta.checkpointInterval",
                                    Integer.toString(config.logCheckpointInterval)));
        }
        UnsupportedTableException.requireSupported(snapshot.get(), config.tablePath);
        ensureSchema(engine, config, snapshot.get());
        return table.createTransactionBuilder(engine, ENGINE_INFO, operation);
    }

    /**
     * Runs a commit's log checkpoint and checksum hooks; they are optimisations, so a failed one is
     * logged only.
     */
    public static void runPostCommitHooks(
            Engine engine, TransactionCommitResult result, String tablePath) {
        for (PostCommitHook hook : result.getPostCommitHooks()) {
            try {
                hook.threadSafeInvoke(engine);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Delta table {}: post-commit {} failed", tablePath, hook.getType(), e);
            }
        }
    }

    /** Commits an empty table with the declared schema unless the table exists. */
    public static void createIfAbsent(DeltaSinkConfig config) {
        Engine engine = DefaultEngine.create(new FlinkFileIO(config.kernelConf));
        Optional<Snapshot> snapshot = latest(engine, config.tablePath);
        if (snapshot.isPresent()) {
            ensureSchema(engine, config, snapshot.get());
            return;
        }
        try {
            transactionBuilder(engine, config, Operation.CREATE_TABLE, snapshot)
                    .build(engine)
                    .commit(engine, CloseableIterable.emptyIterable());
        } catch (ConcurrentWriteException e) {
            // Another writer created it first; it must fit all the same.
            ensureSchema(engine, config, latest(engine, config.tablePath).orElseThrow());
        }
    }

    /**
     * Fails with a readable message unless the table fits the declaration; with schema evolution
     * on, first adds the declaration's new nullable columns to the table.
     */
    static void ensureSchema(Engine engine, DeltaSinkConfig config, Snapshot snapshot) {
        Snapshot current = snapshot;
        while (true) {
            List<StructField> added = columnsToAdd(config, config.deltaSchema(), current);
            if (added.isEmpty()
                    || SchemaEvolution.commit(engine, current, config.deltaSchema(), added)) {
                return;
            }
            // Another writer committed first, perhaps the same columns: look again.
            current = latest(engine, config.tablePath).orElseThrow();
        }
    }

    /**
     * The columns schema evolution adds; empty when the table fits already. Fails on anything else.
     */
    private static List<StructField> columnsToAdd(
            DeltaSinkConfig config, StructType declared, Snapshot snapshot) {
        StructType schema = snapshot.getSchema();
        String problem = SchemaConversions.incompatibility(schema, declared);
        List<StructField> added =
                problem == null ? List.of() : SchemaConversions.addedColumns(schema, declared);
        String hint = "";
        if (added != null && !added.isEmpty()) {
            String others =
                    SchemaConversions.incompatibility(
                            schema, SchemaConversions.without(declared, added));
            List<StructField> notNull =
                    added.stream().filter(f -> !f.isNullable()).collect(Collectors.toList());
            if (others != null) {
                problem = others;
            } else if (!notNull.isEmpty()) {
                problem =
                        "the new column(s) "
                                + names(notNull)
                                + " are NOT NULL, but the table's rows have no value "
                                + "for them: only nullable columns can be added";
            } else if (config.schemaEvolution) {
                problem = null;
            } else {
                problem = "the declaration has column(s) " + names(added) + " that the table lacks";
                hint =
                        "Set '"
                                + DeltaConnectorOptions.SINK_SCHEMA_EVOLUTION.key()
                                + "' = 'true' to add them, or ";
            }
        }
        if (problem == null
                && !snapshot.getPartitionColumnNames().equals(config.partitionColumns)) {
            problem =
                    "the table is partitioned by "
                            + snapshot.getPartitionColumnNames()
                            + ", the declaration by "
                            + config.partitionColumns;
        }
        if (problem != null) {
            throw incompatible(config, problem, hint);
        }
        return added == null ? List.of() : added;
    }

    private static ValidationException incompatible(
            DeltaSinkConfig config, String problem, String hint) {
        return new ValidationException(
                "Cannot write to the Delta table at "
                        + config.tablePath
                        + ": "
                        + problem
                        + ". "
                        + (hint.isEmpty() ? "D" : hint + "d")
                        + "eclare the table with the schema it has, or write to a new path.");
    }

    private static String names(List<StructField> fields) {
        return fields.stream().map(StructField::getName).collect(Collectors.toList()).toString();
    }
}
