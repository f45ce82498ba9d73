package io.tributary.pipelines.runtime.codegen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.annotation.Internal;

/**
 * The classes generated code names. Flink's generated code has no imports: it names every class it
 * uses by its full name, so the names are found in its text.
 */
@Internal
final class GeneratedCodeNames {
    private static final Pattern QUALIFIED_NAME =
            Pattern.compile(
                    "(?<![\\w$.])((?:[a-z_][a-z0-9_]*\\.)+[A-Z][\\w$]*(?:\\.[A-Z][\\w$]*)*)");

    private GeneratedCodeNames() {}

    /** Every qualified name in {@code source}: {@code a.b.Type}, {@code a.b.Outer.Inner.MEMBER}. */
    static TreeSet<String> in(String source) {
        TreeSet<String> names = new TreeSet<>();
        Matcher matcher = QUALIFIED_NAME.matcher(source);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * The binary names of the classes {@code name} may mean, the longest first: for {@code
     * a.b.Outer.Inner.MEMBER} the class {@code a.b.Outer$Inner$MEMBER}, then {@code
     * a.b.Outer$Inner}, then {@code a.b.Outer}.
     */
    static List<String> classCandidates(String name) {
        String[] segments = name.split("\\.");
        int firstClass = 0;
        while (!Character.isUpperCase(segments[firstClass].charAt(0))) {
            firstClass++;
        }
        String pkg = String.join(".", Arrays.copyOfRange(segments, 0, firstClass));
        List<String> candidates = new ArrayList<>();
        for (int end = segments.length; end > firstClass; end--) {
            candidates.add(
                    pkg + "." + String.join("$", Arrays.copyOfRange(segments, firstClass, end)));
        }
        return candidates;
    }
}
