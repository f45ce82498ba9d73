package io.tributary.pipelines.testutils;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.operators.StreamOperatorFactory;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.transformations.TwoInputTransformation;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentImpl;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.runtime.generated.GeneratedClass;
import org.apache.flink.table.runtime.operators.CodeGenOperatorFactory;

/**
 * What the parity tests of the Flink classes Tributary's jar replaces work on: the operators the
 * planner generates for a batch plan, and Flink's own classes loaded from Flink's jars.
 */
public final class PlannerGeneratedClasses {
    private PlannerGeneratedClasses() {}

    /** The generated operators of a batch plan with a projection, filter, aggregates and a rank. */
    public static List<GeneratedClass<?>> ofABatchPlan() {
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

        List<GeneratedClass<?>> classes = new ArrayList<>();
        Deque<Transformation<?>> pending = new ArrayDeque<>(sinks);
        Set<Integer> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Transformation<?> transformation = pending.pop();
            if (!seen.add(transformation.getId())) {
                continue;
            }
            StreamOperatorFactory<?> factory = operatorFactory(transformation);
            if (factory instanceof CodeGenOperatorFactory) {
                classes.add(((CodeGenOperatorFactory<?>) factory).getGeneratedClass());
            }
            pending.addAll(transformation.getInputs());
        }
        return classes;
    }

    private static StreamOperatorFactory<?> operatorFactory(Transformation<?> t) {
        if (t instanceof OneInputTransformation) {
            return ((OneInputTransformation<?, ?>) t).getOperatorFactory();
        }
        if (t instanceof TwoInputTransformation) {
            return ((TwoInputTransformation<?, ?, ?>) t).getOperatorFactory();
        }
        return null;
    }

    /**
     * A class loader of the jars the given classes came from and nothing else (not this class
     * path): Flink's classes from there are Flink's, not the ones Tributary's jar replaces.
     */
    @SuppressWarnings("resource") // Held for a test class's tests; the JVM ends after them.
    public static URLClassLoader flinkOnly(Class<?>... fromTheirJars) {
        URL[] jars = new URL[fromTheirJars.length];
        for (int i = 0; i < jars.length; i++) {
            jars[i] = location(fromTheirJars[i]);
        }
        return new URLClassLoader(jars, ClassLoader.getPlatformClassLoader());
    }

    /** The jar or folder a class was loaded from. */
    public static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
