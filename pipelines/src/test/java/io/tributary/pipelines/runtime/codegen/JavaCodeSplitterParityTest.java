package io.tributary.pipelines.runtime.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.operators.StreamOperatorFactory;
import org.apache.flink.streaming.api.transformations.PhysicalTransformation;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentImpl;
import org.apache.flink.table.codesplit.CodeSplitUtil;
import org.apache.flink.table.codesplit.JavaCodeSplitter;
import org.apache.flink.table.codesplit.ReturnValueRewriter;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.runtime.operators.CodeGenOperatorFactory;
import org.apache.flink.util.Preconditions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tributary's {@link JavaCodeSplitter}, which keeps its results between JVMs, splits the code the
 * planner generates exactly as the Flink class it replaces on the class path: that class is loaded
 * here from Flink's own jar, in a class loader of its own.
 */
class JavaCodeSplitterParityTest {
    private static final int FLINK_DEFAULT_MAX_LENGTH = 4000;
    private static final int FLINK_DEFAULT_MAX_MEMBERS = 10000;

    private static List<String> generated;
    private static Method flinksSplit;
    private static AtomicLong flinksCounter;

    @BeforeAll
    static void planAndLoadFlinksSplitter() throws Exception {
        generated = generatedCode();
        URL tableRuntime = location(ReturnValueRewriter.class);
        URL core = location(Preconditions.class);
        @SuppressWarnings("resource") // Held for the class's tests; the JVM ends after them.
        URLClassLoader flinkOnly =
                new URLClassLoader(
                        new URL[] {tableRuntime, core}, ClassLoader.getPlatformClassLoader());
        Class<?> original =
                flinkOnly.loadClass("org.apache.flink.table.codesplit.JavaCodeSplitter");
        assertThat(original).isNotSameAs(JavaCodeSplitter.class);
        assertThat(location(JavaCodeSplitter.class)).isNotEqualTo(tableRuntime);
        flinksSplit = original.getMethod("split", String.class, int.class, int.class);
        flinksCounter =
                (AtomicLong)
                        flinkOnly
                                .loadClass("org.apache.flink.table.codesplit.CodeSplitUtil")
                                .getMethod("getCounter")
                                .invoke(null);
    }

    @Test
    void thePlannersClassesAreSplitAsFlinkSplitsThem() throws Exception {
        assertThat(generated)
                .as("generated classes long enough to be split")
                .filteredOn(code -> code.length() > FLINK_DEFAULT_MAX_LENGTH)
                .hasSizeGreaterThanOrEqualTo(3);
        for (String code : generated) {
            assertSplitAsFlink(code, FLINK_DEFAULT_MAX_LENGTH, FLINK_DEFAULT_MAX_MEMBERS);
        }
    }

    @Test
    void tighterLimitsRewriteMoreAndStillAgree() throws Exception {
        int rewritten = 0;
        for (String code : generated) {
            if (!assertSplitAsFlink(code, 300, 20).equals(code)) {
                rewritten++;
            }
        }
        assertThat(rewritten).isGreaterThanOrEqualTo(3);
    }

    /**
     * Both splitters name what they introduce from a counter of their class loader's; from the same
     * start they name alike (what a name is only matters within its class).
     */
    private static String assertSplitAsFlink(String code, int maxLength, int maxMembers)
            throws Exception {
        CodeSplitUtil.getCounter().set(0);
        String ours = JavaCodeSplitter.split(code, maxLength, maxMembers);
        flinksCounter.set(0);
        assertThat(ours).isEqualTo(flinksSplit.invoke(null, code, maxLength, maxMembers));
        return ours;
    }

    /** The original code of every generated operator of a batch plan with joins and aggregates. */
    private static List<String> generatedCode() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql(
                "CREATE TABLE requests (ip STRING, endpoint STRING, status INT, `bytes` BIGINT,"
                        + " ts TIMESTAMP(3)) WITH ('connector' = 'datagen', 'number-of-rows' = '1')");
        env.executeSql(
                "CREATE TABLE summary (endpoint STRING, status_class STRING, hits BIGINT,"
                        + " clients BIGINT, mean_bytes DOUBLE, last_seen TIMESTAMP(3), rnk BIGINT)"
                        + " WITH ('connector' = 'blackhole')");
        String insert =
                "INSERT INTO summary SELECT endpoint, status_class, hits, clients, mean_bytes,"
                        + " last_seen, rnk FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY"
                        + " status_class ORDER BY hits DESC) AS rnk FROM (SELECT endpoint,"
                        + " CASE WHEN status >= 500 THEN '5xx' WHEN status >= 400 THEN '4xx'"
                        + " ELSE 'other' END AS status_class, COUNT(*) AS hits,"
                        + " COUNT(DISTINCT ip) AS clients, AVG(CAST(`bytes` AS DOUBLE)) AS"
                        + " mean_bytes, MAX(ts) AS last_seen FROM requests WHERE endpoint LIKE '/%'"
                        + " GROUP BY endpoint, CASE WHEN status >= 500 THEN '5xx' WHEN status >="
                        + " 400 THEN '4xx' ELSE 'other' END)) WHERE rnk <= 10";
        TableEnvironmentImpl internal = (TableEnvironmentImpl) env;
        ModifyOperation operation = (ModifyOperation) internal.getParser().parse(insert).get(0);
        List<Transformation<?>> sinks = internal.getPlanner().translate(List.of(operation));

        List<String> codes = new ArrayList<>();
        Deque<Transformation<?>> pending = new ArrayDeque<>(sinks);
        Set<Integer> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Transformation<?> transformation = pending.pop();
            if (!seen.add(transformation.getId())) {
                continue;
            }
            if (transformation instanceof PhysicalTransformation) {
                StreamOperatorFactory<?> factory =
                        operatorFactory((PhysicalTransformation<?>) transformation);
                if (factory instanceof CodeGenOperatorFactory) {
                    codes.add(((CodeGenOperatorFactory<?>) factory).getGeneratedClass().getCode());
                }
            }
            pending.addAll(transformation.getInputs());
        }
        return codes;
    }

    private static StreamOperatorFactory<?> operatorFactory(PhysicalTransformation<?> t) {
        if (t instanceof org.apache.flink.streaming.api.transformations.OneInputTransformation) {
            return ((org.apache.flink.streaming.api.transformations.OneInputTransformation<?, ?>) t)
                    .getOperatorFactory();
        }
        if (t instanceof org.apache.flink.streaming.api.transformations.TwoInputTransformation) {
            return ((org.apache.flink.streaming.api.transformations.TwoInputTransformation<?, ?, ?>)
                            t)
                    .getOperatorFactory();
        }
        return null;
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
