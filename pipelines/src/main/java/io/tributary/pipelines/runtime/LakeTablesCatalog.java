package io.tributary.pipelines.runtime;

import io.tributary.connector.delta.DeltaConnectorOptions;
import io.tributary.connector.delta.DeltaTableInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogDatabaseImpl;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.GenericInMemoryCatalog;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.catalog.exceptions.DatabaseAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.apache.flink.table.catalog.exceptions.TableAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.types.utils.TypeConversions;

/**
 * The lake's Delta tables as a Flink catalog whose databases are the layers ({@code bronze}, {@code
 * silver}, {@code gold}), each table loaded from its Delta log when a statement first names it.
 *
 * <p>Registering every table up front loaded every table's snapshot and parsed a {@code CREATE
 * TABLE} for each before the first statement: on a lake of thirty-odd tables a third of a second of
 * {@code tributary sql "SELECT 1"}, and more for each table a lake gains. Here a query pays for the
 * tables it reads, and a table a job creates after the catalog was made is found too. Tables and
 * views a session creates itself live in memory, as in Flink's default catalog.
 */
@Internal
public final class LakeTablesCatalog extends GenericInMemoryCatalog {
    /** The catalog's name in a table environment that uses it. */
    public static final String NAME = "lake";

    private final String root;

    /** Set while a found table is added: the in-memory catalog asks whether it exists first. */
    private boolean registering;

    /**
     * @param root the lake's root, qualified ({@link LakeCatalog#lakeRoot})
     */
    public LakeTablesCatalog(String root) {
        super(NAME);
        this.root = root;
        for (String layer : LakeCatalog.LAYERS) {
            try {
                createDatabase(
                        layer,
                        new CatalogDatabaseImpl(Map.of(), "the lake's " + layer + " layer"),
                        true);
            } catch (DatabaseAlreadyExistException e) {
                throw new IllegalStateException(e); // ignoreIfExists: never thrown
            }
        }
    }

    @Override
    public List<String> listTables(String databaseName) throws DatabaseNotExistException {
        TreeSet<String> names = new TreeSet<>(super.listTables(databaseName));
        if (LakeCatalog.LAYERS.contains(databaseName)) {
            for (Path dir : LakeCatalog.subdirectories(layer(databaseName))) {
                if (isDeltaTable(dir)) {
                    names.add(dir.getName());
                }
            }
        }
        return new ArrayList<>(names);
    }

    @Override
    public boolean tableExists(ObjectPath path) {
        return super.tableExists(path) || (!registering && load(path));
    }

    @Override
    public CatalogBaseTable getTable(ObjectPath path) throws TableNotExistException {
        load(path);
        return super.getTable(path);
    }

    /** Registers the lake's table at {@code path} if it has a Delta log; whether it was found. */
    private synchronized boolean load(ObjectPath path) {
        if (super.tableExists(path)) {
            return true;
        }
        if (!LakeCatalog.LAYERS.contains(path.getDatabaseName())) {
            return false;
        }
        Path dir = new Path(layer(path.getDatabaseName()), path.getObjectName());
        Optional<DeltaTableInfo> info;
        try {
            info = DeltaTableInfo.load(dir.toString(), Map.of());
        } catch (RuntimeException e) {
            throw new CatalogException(
                    "cannot read the Delta log of "
                            + path.getFullName()
                            + " at "
                            + dir
                            + ": "
                            + e.getMessage(),
                    e);
        }
        if (info.isEmpty()) {
            return false;
        }
        Compilers.reads(info.get().bytes());
        registering = true;
        try {
            createTable(path, table(info.get()), false);
        } catch (TableAlreadyExistException | DatabaseNotExistException e) {
            throw new CatalogException("Cannot register the lake table " + path, e);
        } finally {
            registering = false;
        }
        return true;
    }

    private static CatalogTable table(DeltaTableInfo info) {
        return CatalogTable.newBuilder()
                .schema(
                        Schema.newBuilder()
                                .fromRowDataType(
                                        TypeConversions.fromLogicalToDataType(info.rowType()))
                                .build())
                .partitionKeys(info.partitionColumns())
                .options(
                        Map.of(
                                "connector",
                                "delta",
                                DeltaConnectorOptions.PATH.key(),
                                info.location()))
                .build();
    }

    private Path layer(String layer) {
        return new Path(root + "/" + layer);
    }

    private static boolean isDeltaTable(Path dir) {
        Path log = new Path(dir, "_delta_log");
        try {
            FileSystem fs = log.getFileSystem();
            if (!fs.exists(log)) {
                return false;
            }
            FileStatus[] entries = fs.listStatus(log);
            return entries != null && entries.length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + log, e);
        }
    }
}
