package io.tributary.pipelines.runtime.codegen;

import static io.tributary.pipelines.testutils.PlannerGeneratedClasses.flinkOnly;
import static io.tributary.pipelines.testutils.PlannerGeneratedClasses.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.testutils.PlannerGeneratedClasses;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.flink.table.codesplit.CodeSplitUtil;
import org.apache.flink.table.codesplit.JavaCodeSplitter;
import org.apache.flink.table.codesplit.ReturnValueRewriter;
import org.apache.flink.table.runtime.generated.GeneratedClass;
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
        generated =
                PlannerGeneratedClasses.ofABatchPlan().stream()
                        .map(GeneratedClass::getCode)
                        .collect(Collectors.toList());
        URL tableRuntime = location(ReturnValueRewriter.class);
        URLClassLoader flinkOnly = flinkOnly(ReturnValueRewriter.class, Preconditions.class);
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
}
