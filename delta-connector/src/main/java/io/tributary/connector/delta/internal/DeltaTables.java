package io.tributary.connector.delta.internal;

import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.TransactionBuilder;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.ValidationException;

import java.util.Map;
import java.util.Optional;

/** Opens Delta tables for a sink: creates them from the declared schema or checks they fit it. */
@Internal
public final class DeltaTables {
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
    public static TransactionBuilder transactionBuilder(Engine engine, DeltaSinkConfig config, Operation operation) {
        return transactionBuilder(engine, config, operation, latest(engine, config.tablePath));
    }

    /** As above, for a caller that has just read the table's latest snapshot itself. */
    public static TransactionBuilder transactionBuilder(
            Engine engine, DeltaSinkConfig config, Operation operation, Optional<Snapshot> snapshot) {
        Table table = Table.forPath(engine, config.tablePath);
        StructType declared = config.deltaSchema();
        if (snapshot.isEmpty()) {
            return table.createTransactionBuilder(engine, ENGINE_INFO, Operation.CREATE_TABLE)
                    .withSchema(engine, declared)
                    .withPartitionColumns(engine, config.partitionColumns)
                    .withTableProperties(engine, Map.of(
                            "delta.checkpointInterval", Integer.toString(config.logCheckpointInterval)));
        }
        checkCompatible(config, declared, snapshot.get());
        return table.createTransactionBuilder(engine, ENGINE_INFO, operation);
    }

    /** Commits an empty table with the declared schema unless the table exists. */
    public static void createIfAbsent(DeltaSinkConfig config) {
        Engine engine = DefaultEngine.create(new FlinkFileIO(config.kernelConf));
        Optional<Snapshot> snapshot = latest(engine, config.tablePath);
        if (snapshot.isPresent()) {
            checkCompatible(config, config.deltaSchema(), snapshot.get());
            return;
        }
        try {
            transactionBuilder(engine, config, Operation.CREATE_TABLE, snapshot).build(engine)
                    .commit(engine, CloseableIterable.emptyIterable());
        } catch (ConcurrentWriteException e) {
            // Another writer created it first; it must fit all the same.
            checkCompatible(config, config.deltaSchema(), latest(engine, config.tablePath).orElseThrow());
        }
    }

    static void checkCompatible(DeltaSinkConfig config, StructType declared, Snapshot snapshot) {
        String problem = SchemaConversions.incompatibility(snapshot.getSchema(), declared);
        if (problem == null && !snapshot.getPartitionColumnNames().equals(config.partitionColumns)) {
            problem = "the table is partitioned by " + snapshot.getPartitionColumnNames()
                    + ", the declaration by " + config.partitionColumns;
        }
        if (problem != null) {
            throw new ValidationException(
                    "Cannot write to the Delta table at " + config.tablePath + ": " + problem
                            + ". Declare the table with the schema it has, or write to a new path.");
        }
    }
}
