package io.tributary.pipelines.runtime;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.annotation.Internal;

/**
 * An {@code INSERT INTO} or {@code INSERT OVERWRITE} statement taken apart into its target and its
 * query, so the runtime can turn it into an overwrite, hint its target or wrap its query without
 * each place parsing SQL text its own way.
 */
@Internal
public final class InsertStatement {
    private static final Pattern INSERT =
            Pattern.compile(
                    "^INSERT\\s+(INTO|OVERWRITE)\\s+(\\S+)(\\s+)(.*)$",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final boolean overwrite;

    /** The target as written, hints included. */
    private final String target;

    private final String separator;
    private final String query;

    private InsertStatement(boolean overwrite, String target, String separator, String query) {
        this.overwrite = overwrite;
        this.target = target;
        this.separator = separator;
        this.query = query;
    }

    /** The statement, if {@code sql} is an INSERT. */
    public static Optional<InsertStatement> parse(String sql) {
        Matcher m = INSERT.matcher(sql.trim());
        return m.matches()
                ? Optional.of(
                        new InsertStatement(
                                m.group(1).equalsIgnoreCase("OVERWRITE"),
                                m.group(2),
                                m.group(3),
                                m.group(4)))
                : Optional.empty();
    }

    /**
     * @throws IllegalArgumentException unless {@code sql} is an INSERT
     */
    public static InsertStatement of(String sql) {
        return parse(sql)
                .orElseThrow(() -> new IllegalArgumentException("Not an INSERT statement: " + sql));
    }

    /** The target table's name, without quotes or hints. */
    public String table() {
        int hint = target.indexOf("/*");
        return (hint < 0 ? target : target.substring(0, hint)).replace("`", "");
    }

    public String query() {
        return query;
    }

    public InsertStatement asOverwrite() {
        return new InsertStatement(true, target, separator, query);
    }

    /**
     * The same statement with {@code hint} (e.g. {@code /*+ OPTIONS(...) *}{@code /}) after its
     * target.
     */
    public InsertStatement withTargetHint(String hint) {
        return new InsertStatement(overwrite, target + hint, separator, query);
    }

    public InsertStatement withQuery(String newQuery) {
        return new InsertStatement(overwrite, target, separator, newQuery);
    }

    public String sql() {
        return "INSERT " + (overwrite ? "OVERWRITE" : "INTO") + " " + target + separator + query;
    }

    @Override
    public String toString() {
        return sql();
    }
}
