package io.tributary.pipelines.runtime.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.testutils.EmbeddedClusterExtension;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two jobs on the embedded cluster run their generated operators from one class: each job gets a
 * class loader of its own, yet what the JIT compiled for the first job's operators serves the
 * second's.
 */
class SharedGeneratedClassesITCase {
    @RegisterExtension
    static final EmbeddedClusterExtension CLUSTER = new EmbeddedClusterExtension();

    @Test
    void twoJobsRunTheSameGeneratedClass() throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.createTemporarySystemFunction("calling_class", CallingClass.class);
        String query = "SELECT calling_class(x) FROM (VALUES (1), (2), (3)) AS t(x)";

        for (int job = 0; job < 2; job++) {
            try (CloseableIterator<Row> rows = tEnv.executeSql(query).collect()) {
                assertThat(rows).toIterable().hasSize(3);
            }
        }

        assertThat(CallingClass.SEEN)
                .as("the operator classes that called the function, in both jobs")
                .hasSize(1)
                .allSatisfy(
                        generated -> assertThat(generated.getName()).startsWith("BatchExecCalc$"));
    }

    /** Records the class of the generated operator that calls it. */
    public static final class CallingClass extends ScalarFunction {
        static final Set<Class<?>> SEEN = ConcurrentHashMap.newKeySet();
        private static final StackWalker STACK =
                StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

        public String eval(Integer x) {
            Class<?> caller = STACK.getCallerClass();
            SEEN.add(caller);
            return caller.getName();
        }

        /** Not folded into a constant by the planner: called by the operator, row by row. */
        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
