package io.tributary.pipelines.runtime.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.apache.flink.annotation.Internal;

/**
 * What class files compiled from a source depend on besides the source: the JDK's version and the
 * classes it names that Flink's version does not fix (a user function, a Tributary connector's
 * types), each by the SHA-256 of its class file. Compiled code calls methods by their exact
 * signature, so kept class files are only right for the same classes: a changed function compiles
 * again instead of failing with {@code NoSuchMethodError}.
 *
 * <p>The names are found in the code's text ({@link GeneratedCodeNames}); Janino's and Calcite's
 * classes, and Flink's own, come with Flink's version, which every key already holds.
 */
@Internal
final class CompiledAgainst {
    /** Packages whose classes Flink's version fixes (Flink's distribution, Calcite, Janino). */
    private static final List<String> FIXED_BY_FLINK =
            List.of(
                    "java.",
                    "javax.",
                    "jdk.",
                    "sun.",
                    "scala.",
                    "org.codehaus.",
                    "org.apache.calcite.",
                    "org.apache.flink.api.",
                    "org.apache.flink.configuration.",
                    "org.apache.flink.core.",
                    "org.apache.flink.metrics.",
                    "org.apache.flink.runtime.",
                    "org.apache.flink.streaming.",
                    "org.apache.flink.table.",
                    "org.apache.flink.types.",
                    "org.apache.flink.util.");

    private CompiledAgainst() {}

    /**
     * A description of the JDK and the class files {@code source} names, as {@code loader} has
     * them.
     */
    static String of(String source, ClassLoader loader) {
        StringBuilder against =
                new StringBuilder("java ").append(Runtime.version().feature()).append('\n');
        for (String name : namedClasses(source)) {
            against.append(name).append(' ').append(fingerprint(name, loader)).append('\n');
        }
        return against.toString();
    }

    private static TreeSet<String> namedClasses(String source) {
        TreeSet<String> names = GeneratedCodeNames.in(source);
        names.removeIf(name -> FIXED_BY_FLINK.stream().anyMatch(name::startsWith));
        return names;
    }

    /**
     * The SHA-256 of the class file {@code name} names: a class, a nested class ({@code
     * a.b.Outer.Inner}) or a member of one ({@code a.b.Outer.CONSTANT}), the longest that is there;
     * {@code none} when none is.
     */
    private static String fingerprint(String name, ClassLoader loader) {
        for (String candidate : GeneratedCodeNames.classCandidates(name)) {
            try (InputStream in =
                    loader.getResourceAsStream(candidate.replace('.', '/') + ".class")) {
                if (in != null) {
                    return HexFormat.of().formatHex(KeptResults.sha256().digest(in.readAllBytes()));
                }
            } catch (IOException e) {
                return "unreadable";
            }
        }
        return "none";
    }
}
