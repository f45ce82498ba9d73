package org.apache.flink.table.codesplit;

import io.tributary.pipelines.runtime.codegen.KeptResults;
import io.tributary.pipelines.runtime.codegen.SplitCodeCache;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.flink.util.Preconditions;

/**
 * Flink 1.20's code splitter, with its results kept between JVMs ({@link SplitCodeCache}).
 *
 * <p>Tributary's job jar comes before Flink's jars on the class path {@code bin/tributary} and the
 * tests build, so this class is the one their JVMs load. Flink calls {@link #split} from every
 * generated class's constructor and offers no other place to keep its results. On a Flink cluster
 * Flink's own classes load parent-first and this one is never used; the rewriting passes below are
 * Flink's own classes in both cases.
 *
 * <p>It runs Flink's passes in Flink's order. {@code JavaCodeSplitterParityTest} compares its
 * results with those of the class it replaces, loaded from Flink's jar, on code the planner
 * generates: a Flink upgrade that changes the passes fails that test.
 */
@Internal
public class JavaCodeSplitter {

    /** As Flink's: {@code code} split so that no method is longer than {@code maxMethodLength}. */
    public static String split(String code, int maxMethodLength, int maxClassMemberCount) {
        try {
            Preconditions.checkArgument(code != null && !code.isEmpty(), "code cannot be empty");
            Preconditions.checkArgument(
                    maxMethodLength > 0, "maxMethodLength must be greater than 0");
            Preconditions.checkArgument(
                    maxClassMemberCount > 0, "maxClassMemberCount must be greater than 0");
            if (code.length() <= maxMethodLength) {
                return code;
            }
            Optional<KeptResults> kept = KeptResults.ofThisJvm();
            if (kept.isEmpty()) {
                return rewrite(code, maxMethodLength, maxClassMemberCount);
            }
            return SplitCodeCache.split(
                    kept.get(),
                    code,
                    maxMethodLength,
                    maxClassMemberCount,
                    () -> rewrite(code, maxMethodLength, maxClassMemberCount));
        } catch (Throwable t) {
            throw new RuntimeException(
                    "JavaCodeSplitter failed. This is a bug. Please file an issue.", t);
        }
    }

    private static String rewrite(String code, int maxMethodLength, int maxClassMemberCount) {
        String returnValuesRewritten = new ReturnValueRewriter(code, maxMethodLength).rewrite();
        return Optional.ofNullable(
                        new DeclarationRewriter(returnValuesRewritten, maxMethodLength).rewrite())
                .map(text -> new BlockStatementRewriter(text, maxMethodLength).rewrite())
                .map(text -> new FunctionSplitter(text, maxMethodLength).rewrite())
                .map(text -> new MemberFieldRewriter(text, maxClassMemberCount).rewrite())
                .orElse(code);
    }
}
