package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Table;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.internal.DataWriteContextImpl;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link KernelInternals.WriteContexts} against the public methods it stands in for: a Kernel
 * upgrade that changes either fails here.
 */
class KernelInternalsTest {
    private static final StructType SCHEMA =
            new StructType()
                    .add("msg", StringType.STRING)
                    .add("v", LongType.LONG)
                    .add("day", DateType.DATE)
                    .add("site", StringType.STRING)
                    .add("n", IntegerType.INTEGER);

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"none", "name"})
    void writeContextsAndAddActionsAreKernelsOwn(String columnMapping) throws Exception {
        Engine engine = DeltaEngines.create(Map.of());
        Transaction txn =
                Table.forPath(engine, dir.toUri().toString())
                        .createTransactionBuilder(engine, "test", Operation.CREATE_TABLE)
                        .withSchema(engine, SCHEMA)
                        .withPartitionColumns(engine, List.of("day", "site", "n"))
                        .withTableProperties(
                                engine, Map.of("delta.columnMapping.mode", columnMapping))
                        .build(engine);
        Row state = txn.getTransactionState(engine);
        KernelInternals.WriteContexts contexts = new KernelInternals.WriteContexts(state);

        for (Map<String, Literal> values : partitions()) {
            DataWriteContext kernels = Transaction.getWriteContext(engine, state, values);
            DataWriteContext ours = contexts.context(values);

            assertThat(ours.getTargetDirectory()).isEqualTo(kernels.getTargetDirectory());
            assertThat(((DataWriteContextImpl) ours).getPartitionValues())
                    .isEqualTo(((DataWriteContextImpl) kernels).getPartitionValues());
            assertThat(ours.getStatisticsColumns()).isEqualTo(kernels.getStatisticsColumns());

            List<DataFileStatus> files = files(kernels.getTargetDirectory());
            List<AddFile> expected = new ArrayList<>();
            try (CloseableIterator<Row> actions =
                    Transaction.generateAppendActions(
                            engine, state, Iterators.closeable(files.iterator()), kernels)) {
                actions.forEachRemaining(a -> expected.add(addFile(a)));
            }
            List<AddFile> actual = new ArrayList<>();
            contexts.appendActions(files, ours).forEach(a -> actual.add(addFile(a)));
            assertThat(actual).hasSize(files.size()).isEqualTo(expected);
        }
    }

    /** Partition values that need escaping in a directory name, a NULL, and plain ones. */
    private static List<Map<String, Literal>> partitions() {
        Map<String, Literal> nulls = new HashMap<>();
        nulls.put("day", Literal.ofDate(20_000));
        nulls.put("site", Literal.ofNull(StringType.STRING));
        nulls.put("n", Literal.ofInt(-3));
        return List.of(
                Map.of(
                        "day", Literal.ofDate(19_700),
                        "site", Literal.ofString("plain"),
                        "n", Literal.ofInt(1)),
                Map.of(
                        "day", Literal.ofDate(0),
                        "site", Literal.ofString("a b/c=d%é:?#"),
                        "n", Literal.ofInt(Integer.MAX_VALUE)),
                nulls);
    }

    private static List<DataFileStatus> files(String directory) {
        DataFileStatistics stats =
                new DataFileStatistics(
                        3,
                        Map.of(new Column("msg"), Literal.ofString("a")),
                        Map.of(new Column("msg"), Literal.ofString("z")),
                        Map.of(new Column("msg"), 1L, new Column("v"), 0L),
                        Optional.empty());
        return List.of(
                new DataFileStatus(directory + "/part-1.parquet", 100, 1_000, Optional.of(stats)),
                new DataFileStatus(directory + "/part-2.parquet", 200, 2_000, Optional.empty()));
    }

    private static AddFile addFile(Row action) {
        return new AddFile(action.getStruct(action.getSchema().indexOf("add")));
    }
}
