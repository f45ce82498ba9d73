package io.tributary.pipelines.runtime.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.codehaus.commons.compiler.CompilerFactoryFactory;
import org.codehaus.commons.compiler.ISimpleCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptSimpleCompilerTest {
    private static final String SOURCE =
            "package kept;\n"
                    + "public class Answer implements java.util.concurrent.Callable<Object> {\n"
                    + "  public Object call() { return new Inner().value(); }\n"
                    + "  static class Inner { int value() { return 6 * 7; } }\n"
                    + "}\n";

    @TempDir Path folder;

    private KeptResults kept() {
        return new KeptResults(folder, 10, "1.20.1");
    }

    /** What a JVM of its own compiles, with what earlier ones kept in the folder. */
    private KeptSimpleCompiler compiled(String source) throws Exception {
        KeptSimpleCompiler compiler = new KeptSimpleCompiler(kept());
        compiler.setParentClassLoader(getClass().getClassLoader());
        compiler.cook(source);
        return compiler;
    }

    @Test
    void aSecondJvmDefinesTheKeptClassesInsteadOfCompiling() throws Exception {
        KeptSimpleCompiler first = compiled(SOURCE);
        Map<String, byte[]> compiled = first.getBytecodes();
        assertThat(compiled).containsOnlyKeys("kept.Answer", "kept.Answer$Inner");
        assertThat(answer(first)).isEqualTo(42);

        KeptSimpleCompiler second = compiled(SOURCE);

        assertThat(second.getClassLoader()).isNotSameAs(first.getClassLoader());
        assertThat(second.getClassLoader().getClass().getSimpleName()).isEqualTo("KeptClassLoader");
        assertThat(second.getBytecodes()).containsOnlyKeys(compiled.keySet());
        assertThat(answer(second)).isEqualTo(42);
    }

    @Test
    void otherSettingsCompileAgain() throws Exception {
        KeptSimpleCompiler first = compiled(SOURCE);

        KeptSimpleCompiler withLines = new KeptSimpleCompiler(kept());
        withLines.setParentClassLoader(getClass().getClassLoader());
        withLines.setDebuggingInformation(true, true, true);
        withLines.cook(SOURCE);

        assertThat(withLines.getClassLoader().getClass().getSimpleName())
                .isNotEqualTo("KeptClassLoader");
        assertThat(entries()).hasSize(2);
    }

    @Test
    void aChangedClassItCallsCompilesAgain() throws Exception {
        String caller =
                "package kept;\n"
                        + "public class Caller implements java.util.concurrent.Callable<Object> {\n"
                        + "  public Object call() { return Long.valueOf(dep.Helper.value()); }\n"
                        + "}\n";
        ClassLoader returnsInt = helper("v1", "public static int value() { return 1; }");
        ClassLoader returnsLong = helper("v2", "public static long value() { return 2L; }");
        KeptSimpleCompiler first = new KeptSimpleCompiler(kept());
        first.setParentClassLoader(returnsInt);
        first.cook(caller);

        KeptSimpleCompiler second = new KeptSimpleCompiler(kept());
        second.setParentClassLoader(returnsLong);
        second.cook(caller);

        // Kept from the first, the caller would look for value()I and fail.
        assertThat(second.getClassLoader().getClass().getSimpleName())
                .isNotEqualTo("KeptClassLoader");
        assertThat(call(second, "kept.Caller")).isEqualTo(2L);
    }

    /** A loader of a class {@code dep.Helper} with {@code method}, compiled into a folder. */
    private ClassLoader helper(String version, String method) throws Exception {
        org.codehaus.janino.SimpleCompiler compiler = new org.codehaus.janino.SimpleCompiler();
        compiler.cook("package dep; public class Helper { " + method + " }");
        Path root = folder.resolve("classes-" + version);
        Path file = root.resolve("dep/Helper.class");
        Files.createDirectories(file.getParent());
        Files.write(file, compiler.getBytecodes().get("dep.Helper"));
        return new java.net.URLClassLoader(
                new java.net.URL[] {root.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void aDamagedEntryIsCompiledAgain() throws Exception {
        KeptSimpleCompiler first = compiled(SOURCE);
        Path entry = entries().get(0);
        byte[] content = Files.readAllBytes(entry);
        content[content.length / 2] ^= 1;
        Files.write(entry, content);

        KeptSimpleCompiler second = compiled(SOURCE);

        assertThat(second.getClassLoader().getClass().getSimpleName())
                .isNotEqualTo("KeptClassLoader");
        assertThat(answer(second)).isEqualTo(42);
    }

    @Test
    void whatEncodeWritesDecodeReads() {
        Map<String, byte[]> classes = Map.of("a.B", new byte[] {1, 2, 3}, "a.C", new byte[0]);

        assertThat(KeptSimpleCompiler.decode(KeptSimpleCompiler.encode(classes)))
                .hasValueSatisfying(
                        decoded -> {
                            assertThat(decoded).containsOnlyKeys("a.B", "a.C");
                            assertThat(decoded.get("a.B")).containsExactly(1, 2, 3);
                        });
        assertThat(KeptSimpleCompiler.decode(new byte[] {0, 0, 0, 9, 1})).isEmpty();
    }

    @Test
    void calciteGetsItsCompilersFromTheKeptFactory() throws Exception {
        // Calcite asks for the factory by the class loader that loaded it (its metadata handlers).
        assertThat(
                        CompilerFactoryFactory.getDefaultCompilerFactory(
                                JaninoRelMetadataProvider.class.getClassLoader()))
                .isInstanceOf(KeptCompilerFactory.class);
        ISimpleCompiler compiler = new KeptCompilerFactory().newSimpleCompiler();
        // This test JVM keeps nothing (no folder is set for unit tests): Janino's own compiler.
        assertThat(compiler).isInstanceOf(org.codehaus.janino.SimpleCompiler.class);
    }

    private static Object answer(ISimpleCompiler compiler) throws Exception {
        return call(compiler, "kept.Answer");
    }

    @SuppressWarnings("unchecked")
    private static Object call(ISimpleCompiler compiler, String className) throws Exception {
        Class<?> type = compiler.getClassLoader().loadClass(className);
        return ((Callable<Object>) type.getDeclaredConstructor().newInstance()).call();
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".janino.classes")).toList();
        }
    }
}
