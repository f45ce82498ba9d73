package io.tributary.pipelines.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;

/** One SQL statement kept as a classpath resource next to its pipeline. */
@Internal
public final class SqlResource {
    private SqlResource() {}

    /** The statement in {@code <package of owner>/<name>}, without comment lines. */
    public static String load(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "SQL resource " + name + " is missing next to " + owner.getName());
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines()
                    .filter(line -> !line.trim().startsWith("--"))
                    .collect(Collectors.joining("\n"))
                    .trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The comment lines that open {@code <package of owner>/<name>}, as one line; empty when it has
     * none.
     */
    public static String description(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "SQL resource " + name + " is missing next to " + owner.getName());
            }
            String comment =
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .map(String::trim)
                            .takeWhile(line -> line.startsWith("--"))
                            .map(line -> line.substring(2).trim())
                            .collect(Collectors.joining(" "))
                            .replaceFirst("^Template: ", "");
            return comment.isEmpty()
                    ? comment
                    : Character.toUpperCase(comment.charAt(0)) + comment.substring(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template statement with each {@code ${key}} replaced by its value. */
    public static String load(Class<?> owner, String name, Map<String, String> values) {
        String sql = load(owner, name);
        for (Map.Entry<String, String> value : values.entrySet()) {
            sql = sql.replace("${" + value.getKey() + "}", value.getValue());
        }
        if (sql.contains("${")) {
            throw new IllegalStateException(
                    "SQL template " + name + " has a placeholder without a value: " + sql);
        }
        return sql;
    }
}
