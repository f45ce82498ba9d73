package io.tributary.pipelines.runtime;

import io.tributary.connector.delta.DeltaConnectorOptions;
import io.tributary.connector.delta.DeltaSink;
import io.tributary.connector.delta.DeltaTableInfo;
import io.tributary.connector.delta.DeltaTableReader;
import io.tributary.connector.delta.DeltaWriteConf;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.types.logical.RowType;

/**
 * The lake's tables as Flink SQL tables: layers are databases ({@code bronze}, {@code silver},
 * {@code gold}), so {@code silver.weblogs_requests} names the Delta table at {@code
 * <lake.root>/silver/weblogs_requests}.
 */
@Internal
public final class LakeCatalog {
    public static final List<String> LAYERS = List.of("bronze", "silver", "gold");

    private LakeCatalog() {}

    /** Registers the tables a pipeline declares, with the schemas its DDL gives them. */
    public static void registerDeclared(
            TableEnvironment tEnv, ReadableConfig conf, List<LakeTable> tables) {
        String root = lakeRoot(conf);
        for (LakeTable table : tables) {
            tEnv.executeSql("CREATE DATABASE IF NOT EXISTS `" + table.layer() + "`");
            // The writers' settings come from the job's tributary.sink.* keys (DeltaWriteConf).
            tEnv.executeSql(table.ddl(root, Map.of()));
        }
    }

    /**
     * Creates a declared table's Delta log if it has none yet, so that it can be read (and queried)
     * before a job's first commit to it.
     */
    public static void createIfAbsent(TableEnvironment tEnv, String table) {
        ResolvedSchema schema = tEnv.from(table).getResolvedSchema();
        CatalogTable declared = declared(tEnv, table);
        Map<String, String> options = declared.getOptions();
        DeltaSink.Builder sink =
                DeltaSink.builder()
                        .tablePath(options.get(DeltaConnectorOptions.PATH.key()))
                        .rowType((RowType) schema.toPhysicalRowDataType().getLogicalType())
                        .partitionColumns(declared.getPartitionKeys())
                        .sinkId(identifier(tEnv, table).asSummaryString());
        new DeltaWriteConf(Configuration.fromMap(options), tEnv.getConfig())
                .applyTo(sink)
                .build()
                .createTableIfAbsent();
    }

    /** Whether a declared table has a Delta log yet (a first backfill has not committed). */
    public static boolean hasLog(TableEnvironment tEnv, String table) {
        String path = declared(tEnv, table).getOptions().get(DeltaConnectorOptions.PATH.key());
        return DeltaTableReader.latestVersion(path, Map.of()).isPresent();
    }

    private static CatalogTable declared(TableEnvironment tEnv, String table) {
        ObjectIdentifier id = identifier(tEnv, table);
        try {
            return (CatalogTable)
                    tEnv.getCatalog(id.getCatalogName()).orElseThrow().getTable(id.toObjectPath());
        } catch (TableNotExistException e) {
            throw new IllegalArgumentException("No table " + table + " is declared", e);
        }
    }

    private static ObjectIdentifier identifier(TableEnvironment tEnv, String table) {
        TableName name = TableName.parse(table);
        return ObjectIdentifier.of(tEnv.getCurrentCatalog(), name.layer(), name.name());
    }

    /** A Delta table found in the lake. */
    public static final class Found {
        public final String layer;
        public final String name;
        public final DeltaTableInfo info;

        Found(String layer, String name, DeltaTableInfo info) {
            this.layer = layer;
            this.name = name;
            this.info = info;
        }

        public String qualifiedName() {
            return layer + "." + name;
        }
    }

    /** Every Delta table under {@code <lake.root>/<layer>/}, sorted by layer then name. */
    public static List<Found> discover(ReadableConfig conf) {
        String root = lakeRoot(conf);
        List<Found> found = new ArrayList<>();
        for (String layer : LAYERS) {
            for (Path dir : subdirectories(new Path(root + "/" + layer))) {
                Optional<DeltaTableInfo> info = DeltaTableInfo.load(dir.toString(), Map.of());
                info.ifPresent(i -> found.add(new Found(layer, dir.getName(), i)));
            }
        }
        return found;
    }

    /**
     * Makes the lake's tables ({@link LakeTablesCatalog}) the environment's current catalog: {@code
     * silver.weblogs_requests} then names the Delta table at {@code <lake.root>/silver/
     * weblogs_requests}, loaded when a statement first names it.
     */
    public static void use(TableEnvironment tEnv, ReadableConfig conf) {
        tEnv.registerCatalog(LakeTablesCatalog.NAME, new LakeTablesCatalog(lakeRoot(conf)));
        tEnv.useCatalog(LakeTablesCatalog.NAME);
    }

    public static String lakeRoot(ReadableConfig conf) {
        String root = conf.get(TributaryOptions.LAKE_ROOT);
        if (root == null || root.isBlank()) {
            throw new ConfigurationError(
                    "tributary.lake.root is empty", "set it to a folder or an s3:// URI");
        }
        return io.tributary.connector.delta.DeltaStorage.qualify(root);
    }

    static List<Path> subdirectories(Path dir) {
        try {
            FileSystem fs = dir.getFileSystem();
            if (!fs.exists(dir)) {
                return List.of();
            }
            FileStatus[] listed = fs.listStatus(dir);
            if (listed == null) {
                return List.of();
            }
            return Arrays.stream(listed)
                    .filter(FileStatus::isDir)
                    .map(FileStatus::getPath)
                    .sorted(Comparator.comparing(Path::getName))
                    .collect(Collectors.toList());
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }
}
