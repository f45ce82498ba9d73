package io.tributary.pipelines.runtime.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledAgainstTest {
    private static final String SOURCE =
            "public final class Op extends org.apache.flink.table.runtime.operators.TableStreamOperator {\n"
                    + "  java.util.List seen;\n"
                    + "  Object run(Object in) {\n"
                    + "    return ((demo.fn.Upper) references[0]).eval(\n"
                    + "        (org.apache.flink.table.data.StringData) in, demo.fn.Outer.Inner.MODE);\n"
                    + "  }\n"
                    + "}\n";

    @TempDir Path folder;

    @Test
    void namesTheClassesFlinksVersionDoesNotFixWithTheirClassFiles() throws IOException {
        ClassLoader loader = classes(folder.resolve("v1"), "upper v1");

        String against = CompiledAgainst.of(SOURCE, loader);

        assertThat(against)
                .startsWith("java " + Runtime.version().feature() + "\n")
                .contains("demo.fn.Upper ")
                .contains("demo.fn.Outer.Inner.MODE ")
                .doesNotContain("org.apache.flink")
                .doesNotContain("java.util");
        assertThat(against).doesNotContain("demo.fn.Upper none");
        assertThat(against)
                .as("a nested class's constant: the file of Outer$Inner")
                .doesNotContain("demo.fn.Outer.Inner.MODE none");
    }

    @Test
    void aChangedClassFileChangesTheDescription() throws IOException {
        String v1 = CompiledAgainst.of(SOURCE, classes(folder.resolve("v1"), "upper v1"));
        String again = CompiledAgainst.of(SOURCE, classes(folder.resolve("v1b"), "upper v1"));
        String v2 = CompiledAgainst.of(SOURCE, classes(folder.resolve("v2"), "upper v2"));

        assertThat(again).isEqualTo(v1);
        assertThat(v2).isNotEqualTo(v1);
    }

    @Test
    void aClassThatIsNotThereIsSaidToBeMissing() {
        String against = CompiledAgainst.of(SOURCE, new URLClassLoader(new URL[0], null));

        assertThat(against).contains("demo.fn.Upper none");
    }

    /** A loader of {@code demo/fn/Upper.class} holding {@code upper}, and a nested class file. */
    private static ClassLoader classes(Path root, String upper) throws IOException {
        Path fn = Files.createDirectories(root.resolve("demo/fn"));
        Files.writeString(fn.resolve("Upper.class"), upper);
        Files.writeString(fn.resolve("Outer$Inner.class"), "inner");
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }
}
