package io.tributary.pipelines.runtime.codegen;

import org.apache.flink.annotation.Internal;
import org.codehaus.commons.compiler.ISimpleCompiler;
import org.codehaus.janino.CompilerFactory;

/**
 * Janino's compiler factory, whose simple compilers keep what they compile ({@link
 * KeptSimpleCompiler}) when this JVM keeps results ({@link KeptResults}).
 *
 * <p>Named by the {@code org.codehaus.commons.compiler.properties} of the pipelines jar, which
 * comes before Janino's on the class path {@code bin/tributary} and the tests build; Calcite asks
 * that file for its compiler when it generates the planner's metadata handlers — dozens of classes
 * compiled at every JVM's first planning, 8 % of a cold 10-line backfill's CPU. Flink compiles its
 * generated operators with Janino directly; the jar's own {@code CompileUtils}, which replaces
 * Flink's, takes its compilers from here instead.
 */
@Internal
public class KeptCompilerFactory extends CompilerFactory {

    @Override
    public ISimpleCompiler newSimpleCompiler() {
        return KeptResults.ofThisJvm()
                .<ISimpleCompiler>map(KeptSimpleCompiler::new)
                .orElseGet(super::newSimpleCompiler);
    }
}
