package io.tributary.pipelines.runtime.codegen;

import static io.tributary.pipelines.testutils.PlannerGeneratedClasses.flinkOnly;
import static io.tributary.pipelines.testutils.PlannerGeneratedClasses.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tributary.pipelines.testutils.PlannerGeneratedClasses;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.InvalidProgramException;
import org.apache.flink.shaded.guava31.com.google.common.cache.Cache;
import org.apache.flink.table.codesplit.JavaCodeSplitter;
import org.apache.flink.table.runtime.generated.CompileUtils;
import org.apache.flink.table.runtime.generated.GeneratedClass;
import org.apache.flink.util.FlinkRuntimeException;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * Tributary's {@link CompileUtils}, which keeps the class files it compiles between JVMs, compiles
 * the code the planner generates to the same class files as the Flink class it replaces on the
 * class path, and fails on bad code as it does. That class is loaded here from Flink's jar, in a
 * class loader of its own with Janino's.
 */
class CompileUtilsParityTest {
    private static final String NOT_JAVA =
            "public class Broken {\n  void f() { return 1; }\n  int g( {\n}\n";

    private static List<GeneratedClass<?>> generated;
    private static Class<?> flinks;

    @BeforeAll
    static void planAndLoadFlinksCompiler() throws Exception {
        generated = PlannerGeneratedClasses.ofABatchPlan();
        // A class of Flink's table runtime other than the replaced one locates its jar.
        ClassLoader flinkOnly =
                flinkOnly(
                        GeneratedClass.class,
                        FlinkRuntimeException.class,
                        Cache.class,
                        Logger.class,
                        SimpleCompiler.class,
                        CompileException.class);
        flinks = flinkOnly.loadClass(CompileUtils.class.getName());
        assertThat(flinks).isNotSameAs(CompileUtils.class);
        assertThat(location(CompileUtils.class)).isNotEqualTo(location(GeneratedClass.class));
    }

    @Test
    void thePlannersOperatorsCompileToFlinksClassFiles() throws Exception {
        assertThat(generated).hasSizeGreaterThanOrEqualTo(3);
        Method flinksCompile =
                flinks.getMethod("compile", ClassLoader.class, String.class, String.class);
        ClassLoader jobs = getClass().getClassLoader();
        for (GeneratedClass<?> operator : generated) {
            // What a task compiles: the code split with Flink's default limits.
            String code = JavaCodeSplitter.split(operator.getCode(), 4000, 10000);
            Class<?> ours = CompileUtils.compile(jobs, operator.getClassName(), code);
            Class<?> theirs =
                    (Class<?>) flinksCompile.invoke(null, jobs, operator.getClassName(), code);

            assertThat(ours.getName()).isEqualTo(operator.getClassName());
            assertThat(ours.getClassLoader().getParent()).isSameAs(jobs);
            Map<String, byte[]> ourFiles = classFiles(ours);
            Map<String, byte[]> theirFiles = classFiles(theirs);
            assertThat(theirFiles).containsKey(operator.getClassName());
            assertThat(ourFiles).containsOnlyKeys(theirFiles.keySet());
            theirFiles.forEach(
                    (name, bytes) -> assertThat(ourFiles.get(name)).as(name).isEqualTo(bytes));
            assertThat(CompileUtils.compile(jobs, operator.getClassName(), code))
                    .as("the same loader and code: the class compiled before")
                    .isSameAs(ours);
        }
    }

    @Test
    void codeThatDoesNotCompileFailsAsInFlink() throws Exception {
        Method flinksCompile =
                flinks.getMethod("compile", ClassLoader.class, String.class, String.class);
        ClassLoader jobs = getClass().getClassLoader();
        Failure ours = failure(() -> CompileUtils.compile(jobs, "Broken", NOT_JAVA));
        Failure theirs = failure(() -> flinksCompile.invoke(null, jobs, "Broken", NOT_JAVA));

        assertThat(ours.thrown).isInstanceOf(FlinkRuntimeException.class);
        assertThat(ours.describe())
                .contains(InvalidProgramException.class.getName() + ": Table program cannot")
                .isEqualTo(theirs.describe());
        assertThat(ours.printed).contains("/* 3 */  int g( {").isEqualTo(theirs.printed);
    }

    @Test
    void expressionsCompileAndFailAsInFlink() throws Exception {
        Method flinksExpression =
                flinks.getMethod(
                        "compileExpression", String.class, List.class, List.class, Class.class);
        List<String> names = List.of("a", "b");
        List<Class<?>> types = List.of(int.class, int.class);

        Object ours = CompileUtils.compileExpression("a * b + 1", names, types, int.class);
        Object theirs = flinksExpression.invoke(null, "a * b + 1", names, types, int.class);
        assertThat(evaluate(ours, 6, 7)).isEqualTo(evaluate(theirs, 6, 7)).isEqualTo(43);

        Failure badOurs =
                failure(() -> CompileUtils.compileExpression("a *", names, types, int.class));
        Failure badTheirs =
                failure(() -> flinksExpression.invoke(null, "a *", names, types, int.class));
        assertThat(badOurs.describe()).isEqualTo(badTheirs.describe());
    }

    @Test
    void itOffersWhatFlinksOffers() {
        assertThat(staticMembers(CompileUtils.class)).isEqualTo(staticMembers(flinks));
    }

    /** Public and package-private static methods and fields, by signature. */
    private static Set<String> staticMembers(Class<?> type) {
        Stream<Member> members =
                Stream.concat(
                        Arrays.stream(type.getDeclaredMethods()),
                        Arrays.stream(type.getDeclaredFields()));
        return members.filter(m -> Modifier.isStatic(m.getModifiers()))
                .filter(m -> !Modifier.isPrivate(m.getModifiers()))
                .filter(m -> !m.isSynthetic())
                .map(CompileUtilsParityTest::signature)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static String signature(Member member) {
        if (member instanceof Method) {
            Method method = (Method) member;
            return Modifier.toString(method.getModifiers())
                    + " "
                    + method.getGenericReturnType().getTypeName()
                    + " "
                    + method.getName()
                    + Arrays.stream(method.getGenericParameterTypes())
                            .map(t -> t.getTypeName())
                            .collect(Collectors.joining(",", "(", ")"));
        }
        Field field = (Field) member;
        return Modifier.toString(field.getModifiers())
                + " "
                + field.getGenericType().getTypeName()
                + " "
                + field.getName();
    }

    /**
     * The class files Janino's class loader (or the one defining kept classes) holds: both keep
     * them in a map named {@code classes}.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, byte[]> classFiles(Class<?> compiled) throws Exception {
        for (Class<?> type = compiled.getClassLoader().getClass();
                type != null;
                type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals("classes")
                        && Map.class.isAssignableFrom(field.getType())) {
                    field.setAccessible(true);
                    return new TreeMap<>(
                            (Map<String, byte[]>) field.get(compiled.getClassLoader()));
                }
            }
        }
        throw new AssertionError("No class files in " + compiled.getClassLoader());
    }

    private static Object evaluate(Object evaluator, int a, int b) throws Exception {
        return evaluator
                .getClass()
                .getMethod("evaluate", Object[].class)
                .invoke(evaluator, (Object) new Object[] {a, b});
    }

    private interface Call {
        Object call() throws Exception;
    }

    /** What a failing call threw (unwrapped from reflection) and printed. */
    private static Failure failure(Call call) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Throwable thrown;
        try {
            thrown = catchThrowable(call::call);
        } finally {
            System.setOut(out);
        }
        if (thrown instanceof InvocationTargetException) {
            thrown = thrown.getCause();
        }
        assertThat(thrown).as("the call failed").isNotNull();
        return new Failure(thrown, printed.toString(StandardCharsets.UTF_8));
    }

    private record Failure(Throwable thrown, String printed) {
        /** Each exception of the chain by class name and message (the classes' loaders differ). */
        String describe() {
            StringBuilder chain = new StringBuilder();
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                chain.append(t.getClass().getName())
                        .append(": ")
                        .append(t.getMessage())
                        .append('\n');
            }
            return chain.toString();
        }
    }
}
