package org.apache.flink.table.runtime.generated;

import io.tributary.pipelines.runtime.codegen.KeptCompilerFactory;
import io.tributary.pipelines.runtime.codegen.SharedGeneratedClasses;
import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.InvalidProgramException;
import org.apache.flink.shaded.guava31.com.google.common.cache.Cache;
import org.apache.flink.shaded.guava31.com.google.common.cache.CacheBuilder;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.flink.util.Preconditions;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.commons.compiler.ISimpleCompiler;
import org.codehaus.janino.ExpressionEvaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink 1.20's compiler of the classes its planner generates, whose class files are kept between
 * JVMs ({@link KeptCompilerFactory}). Every task compiles its operators with Janino when it starts,
 * and every job again: a job's classes live in a class loader of its own, which Flink's cache below
 * keys them by. Kept, a cold 10-line backfill's tasks define the classes an earlier command
 * compiled instead of compiling them (6 % of its CPU). And the jobs of one JVM share a class where
 * their class loaders allow it, so the JIT compiles a generated operator once, not once per job.
 *
 * <p>Like {@code JavaCodeSplitter} in this jar, this class replaces Flink's on the class path that
 * {@code bin/tributary}, the command server and the tests build (Tributary's jar comes first); on a
 * Flink cluster Flink's own classes load parent-first and this one is never used. Its methods do
 * what Flink's do, with the same caches, messages and exceptions; {@code CompileUtilsParityTest}
 * compares them with the class it replaces, loaded from Flink's jar.
 */
@Internal
public final class CompileUtils {
    private static final Logger CODE_LOG = LoggerFactory.getLogger(CompileUtils.class);

    private static final String CANNOT_COMPILE =
            "Table program cannot be compiled. This is a bug. Please file an issue.";

    /**
     * As Flink's, compiled classes by class loader and code, softly held, but for thirty minutes
     * after their last use instead of five: the command server waits that long for its next command
     * (Flink's bound would drop the classes its jobs share, and what the JIT made of them, between
     * two commands a few minutes apart).
     */
    static final Cache<ClassKey, Class<?>> COMPILED_CLASS_CACHE =
            CacheBuilder.newBuilder()
                    .expireAfterAccess(Duration.ofMinutes(30))
                    .maximumSize(300)
                    .softValues()
                    .build();

    /** As Flink's: compiled expressions by their code and signature. */
    static final Cache<ExpressionKey, ExpressionEvaluator> COMPILED_EXPRESSION_CACHE =
            CacheBuilder.newBuilder()
                    .expireAfterAccess(Duration.ofMinutes(5))
                    .maximumSize(100)
                    .softValues()
                    .build();

    private static final KeptCompilerFactory COMPILERS = new KeptCompilerFactory();

    private CompileUtils() {}

    /** Runs the caches' pending maintenance, as Flink's does. */
    public static void cleanUp() {
        COMPILED_CLASS_CACHE.cleanUp();
        COMPILED_EXPRESSION_CACHE.cleanUp();
    }

    /**
     * The class {@code name} that {@code code} declares, compiled with {@code cl} as the parent of
     * its class loader — or with the loader of Flink and Tributary, when {@code cl} finds the same
     * classes for the code ({@link SharedGeneratedClasses}) — or defined from the class files an
     * earlier JVM kept for the same code.
     */
    @SuppressWarnings("unchecked")
    public static <T> Class<T> compile(ClassLoader cl, String name, String code) {
        try {
            // Under the loader of Flink and Tributary when the job's finds the same classes: then
            // every job of this JVM runs one class, and the JIT's work on it.
            ClassLoader parent = SharedGeneratedClasses.parentFor(cl, code);
            // By the loader's hash, not the loader: the cache must not keep a job's loader alive.
            return (Class<T>)
                    COMPILED_CLASS_CACHE.get(
                            new ClassKey(parent.hashCode(), code),
                            () -> doCompile(parent, name, code));
        } catch (Exception e) {
            throw new FlinkRuntimeException(e.getMessage(), e);
        }
    }

    private static Class<?> doCompile(ClassLoader cl, String name, String code) {
        Preconditions.checkNotNull(cl, "Classloader must not be null.");
        CODE_LOG.debug("Compiling: {} \n\n Code:\n{}", name, code);
        ISimpleCompiler compiler = COMPILERS.newSimpleCompiler();
        compiler.setParentClassLoader(cl);
        try {
            compiler.cook(code);
        } catch (Throwable t) {
            // Flink prints the numbered code for the bug report its message asks for.
            System.out.println(withLineNumbers(code));
            throw new InvalidProgramException(CANNOT_COMPILE, t);
        }
        try {
            return compiler.getClassLoader().loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new RuntimeException("Can not load class " + name, e);
        }
    }

    private static String withLineNumbers(String code) {
        StringBuilder numbered = new StringBuilder();
        String[] lines = code.split("\n");
        for (int i = 0; i < lines.length; i++) {
            numbered.append("/* ").append(i + 1).append(" */").append(lines[i]).append('\n');
        }
        return numbered.toString();
    }

    /**
     * An evaluator of {@code code}, an expression of {@code returnClass} over the named arguments.
     * Expressions are not kept between JVMs: Flink compiles few, and small ones.
     */
    public static ExpressionEvaluator compileExpression(
            String code,
            List<String> argumentNames,
            List<Class<?>> argumentClasses,
            Class<?> returnClass) {
        try {
            return COMPILED_EXPRESSION_CACHE.get(
                    new ExpressionKey(code, argumentNames, argumentClasses, returnClass),
                    () -> {
                        ExpressionEvaluator evaluator = new ExpressionEvaluator();
                        evaluator.setParameters(
                                argumentNames.toArray(new String[0]),
                                argumentClasses.toArray(new Class<?>[0]));
                        evaluator.setExpressionType(returnClass);
                        try {
                            evaluator.cook(code);
                        } catch (CompileException e) {
                            throw new InvalidProgramException(
                                    CANNOT_COMPILE + "\nExpression: " + code, e);
                        }
                        return evaluator;
                    });
        } catch (Exception e) {
            throw new FlinkRuntimeException(e.getMessage(), e);
        }
    }

    /** A class's cache key: its loader's hash and its code. */
    record ClassKey(int classLoaderId, String code) {}

    /** An expression's cache key: its code and signature. */
    record ExpressionKey(
            String code,
            List<String> argumentNames,
            List<Class<?>> argumentClasses,
            Class<?> returnClass) {}
}
