package io.tributary.pipelines.cdc;

import io.tributary.pipelines.runtime.ConfigurationError;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;

/**
 * One captured table: where its change events arrive, how they are shaped, and the columns and
 * primary key of its silver table. The table becomes {@code bronze.cdc_<name>} (raw events), {@code
 * silver.<domain>_<name>} (current state) and, with history, {@code silver.<domain>_<name>_history}
 * (SCD2).
 */
@PublicEvolving
public final class CdcTableSpec implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<LogicalTypeRoot> SUPPORTED =
            EnumSet.of(
                    LogicalTypeRoot.CHAR,
                    LogicalTypeRoot.VARCHAR,
                    LogicalTypeRoot.BOOLEAN,
                    LogicalTypeRoot.TINYINT,
                    LogicalTypeRoot.SMALLINT,
                    LogicalTypeRoot.INTEGER,
                    LogicalTypeRoot.BIGINT,
                    LogicalTypeRoot.FLOAT,
                    LogicalTypeRoot.DOUBLE,
                    LogicalTypeRoot.DECIMAL,
                    LogicalTypeRoot.DATE,
                    LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE,
                    LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
                    LogicalTypeRoot.BINARY,
                    LogicalTypeRoot.VARBINARY);

    private final String name;
    private final String source;
    private final String domain;
    private final String topic;
    private final CdcFormat format;
    private final List<String> primaryKey;
    private final RowType rowType;
    private final boolean history;

    private CdcTableSpec(Builder b, RowType rowType) {
        this.name = b.name;
        this.source = b.source;
        this.domain = b.domain;
        this.topic = b.topic;
        this.format = b.format;
        this.primaryKey = List.copyOf(b.primaryKey);
        this.rowType = rowType;
        this.history = b.history;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The table's name in the lake, e.g. {@code orders}. */
    public String name() {
        return name;
    }

    /** The table as the change events name it: {@code table} or {@code schema.table}. */
    public String source() {
        return source;
    }

    public String domain() {
        return domain;
    }

    public String topic() {
        return topic;
    }

    public CdcFormat format() {
        return format;
    }

    public List<String> primaryKey() {
        return primaryKey;
    }

    /** The captured columns, as the silver table has them. */
    public RowType rowType() {
        return rowType;
    }

    public boolean history() {
        return history;
    }

    public String bronzeTable() {
        return "bronze.cdc_" + name;
    }

    public String silverTable() {
        return "silver." + domain + "_" + name;
    }

    public String historyTable() {
        return silverTable() + "_history";
    }

    public int[] primaryKeyIndexes() {
        return primaryKey.stream().mapToInt(rowType::getFieldIndex).toArray();
    }

    /** Whether a change event's schema and table name this table (case-insensitively). */
    public boolean matches(String eventSchema, String eventTable) {
        if (eventTable == null) {
            return false;
        }
        int dot = source.lastIndexOf('.');
        if (dot < 0) {
            return source.equalsIgnoreCase(eventTable);
        }
        return source.substring(dot + 1).equalsIgnoreCase(eventTable)
                && source.substring(0, dot)
                        .equalsIgnoreCase(eventSchema == null ? "" : eventSchema);
    }

    /** Builds a spec; {@link #build()} checks that the fields fit together. */
    @PublicEvolving
    public static final class Builder {
        private String name;
        private String source;
        private String domain;
        private String topic;
        private CdcFormat format;
        private final List<String> primaryKey = new ArrayList<>();
        private final Map<String, String> columns = new LinkedHashMap<>();
        private boolean history;

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        public Builder format(CdcFormat format) {
            this.format = format;
            return this;
        }

        public Builder primaryKey(List<String> columns) {
            primaryKey.clear();
            primaryKey.addAll(columns);
            return this;
        }

        /** A column and its Flink SQL type, e.g. {@code column("amount", "DECIMAL(10, 2)")}. */
        public Builder column(String column, String sqlType) {
            columns.put(column, sqlType);
            return this;
        }

        public Builder history(boolean history) {
            this.history = history;
            return this;
        }

        public CdcTableSpec build() {
            require(
                    source != null && !source.isBlank(),
                    "has no 'source' (the table's name in the change events)");
            if (name == null) {
                name = source.substring(source.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            }
            require(
                    IDENTIFIER.matcher(name).matches(),
                    "has name '" + name + "', which is not a lower-case identifier (set 'name')");
            require(
                    domain != null && IDENTIFIER.matcher(domain).matches(),
                    "needs a lower-case 'domain' (its silver table is silver.<domain>_"
                            + name
                            + ")");
            require(topic != null && !topic.isBlank(), "has no 'topic'");
            require(format != null, "has no 'format' (debezium-json or dms-json)");
            require(!columns.isEmpty(), "has no 'columns'");
            require(!primaryKey.isEmpty(), "has no 'primary-key'; silver upserts by it");
            List<RowType.RowField> fields = new ArrayList<>();
            columns.forEach(
                    (column, sqlType) ->
                            fields.add(new RowType.RowField(column, parse(column, sqlType))));
            for (String key : primaryKey) {
                require(
                        columns.containsKey(key),
                        "has primary-key column '" + key + "' that is not among its columns");
            }
            if (history) {
                for (String reserved : List.of("valid_from", "valid_to", "is_current")) {
                    require(
                            !columns.containsKey(reserved),
                            "has a column '"
                                    + reserved
                                    + "', which its SCD2 history table adds itself");
                }
            }
            return new CdcTableSpec(this, new RowType(false, fields));
        }

        private LogicalType parse(String column, String sqlType) {
            LogicalType type;
            try {
                type = LogicalTypeParser.parse(sqlType, Builder.class.getClassLoader());
            } catch (RuntimeException e) {
                throw error(
                        "has column '"
                                + column
                                + "' of type '"
                                + sqlType
                                + "', which is not a Flink SQL type");
            }
            require(
                    SUPPORTED.contains(type.getTypeRoot()),
                    "has column '"
                            + column
                            + "' of type "
                            + type
                            + "; CDC columns may be strings, numbers, booleans, dates, timestamps or bytes");
            return primaryKey.contains(column) ? type.copy(false) : type.copy(true);
        }

        private void require(boolean condition, String problem) {
            if (!condition) {
                throw error(problem);
            }
        }

        private ConfigurationError error(String problem) {
            String which =
                    source != null
                            ? "'" + source + "'"
                            : name != null ? "'" + name + "'" : "a table";
            return new ConfigurationError(
                    "CDC table " + which + " " + problem,
                    "fix its entry in the file named by " + CdcOptions.TABLES_FILE.key());
        }
    }
}
