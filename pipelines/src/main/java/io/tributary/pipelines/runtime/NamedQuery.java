package io.tributary.pipelines.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A question analysts ask a pipeline's tables, kept as {@code queries/<name>.sql} next to the
 * pipeline: a first line {@code -- <description>}, then one SELECT with tables qualified by layer
 * ({@code gold.weblogs_summary}) and identifiers quoted with backticks. The demo asks them through
 * Flink; Terraform ({@code envs/dev}) saves them as Athena named queries, each layer replaced by
 * its Glue database and backticks by double quotes.
 */
@PublicEvolving
public final class NamedQuery {
    private final String name;
    private final String description;
    private final String sql;

    private NamedQuery(String name, String description, String sql) {
        this.name = name;
        this.description = description;
        this.sql = sql;
    }

    /** {@code queries/<name>.sql} next to {@code owner}. */
    public static NamedQuery load(Class<?> owner, String name) {
        String path = "queries/" + name + ".sql";
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Query " + path + " is missing next to " + owner.getName());
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            int newline = text.indexOf('\n');
            if (!text.startsWith("--") || newline < 0) {
                throw new IllegalStateException(
                        "Query " + path + " must start with a '-- description' line");
            }
            return new NamedQuery(
                    name, text.substring(2, newline).strip(), text.substring(newline + 1).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String sql() {
        return sql;
    }
}
