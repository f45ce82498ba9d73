package io.tributary.pipelines.cdc;

import io.tributary.pipelines.runtime.StreamSource;
import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.DescribedEnum;
import org.apache.flink.configuration.description.InlineElement;
import org.apache.flink.configuration.description.TextElement;

/** Settings of the generic CDC pipeline ({@code tributary run cdc --mode streaming}). */
@PublicEvolving
public final class CdcOptions {
    private CdcOptions() {}

    public static final ConfigOption<String> TABLES_FILE =
            ConfigOptions.key("tributary.cdc.tables-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "YAML file listing the captured tables: for each, its source name, domain, "
                                    + "Kafka topic or Kinesis stream, format (debezium-json or dms-json), primary key, "
                                    + "columns and whether to keep SCD2 history. See docs/cdc.md.");

    public static final ConfigOption<StreamSource> SOURCE =
            ConfigOptions.key("tributary.cdc.source")
                    .enumType(StreamSource.class)
                    .defaultValue(StreamSource.KAFKA)
                    .withDescription(
                            "What the change events are read from: Kafka topics, or Kinesis streams"
                                    + " (each table's 'topic' in the tables file then names its stream,"
                                    + " by name or ARN; tables may share one, as AWS DMS writes them).");

    public static final ConfigOption<Duration> DELETED_KEY_RETENTION =
            ConfigOptions.key("tributary.cdc.deleted-key-retention")
                    .durationType()
                    .defaultValue(Duration.ofDays(7))
                    .withDescription(
                            "How long the job remembers the position of a deleted row, so that an older "
                                    + "change arriving late cannot bring the row back. Changes later than "
                                    + "this behind a delete are applied as if new. Tables with SCD2 history "
                                    + "remember deletes for ever, as their history does, so that silver and "
                                    + "history always agree.");

    public static final ConfigOption<UnknownTables> UNKNOWN_TABLES =
            ConfigOptions.key("tributary.cdc.unknown-tables")
                    .enumType(UnknownTables.class)
                    .defaultValue(UnknownTables.REJECT)
                    .withDescription(
                            "What to do with change events of tables the tables file does not list.");

    /** The values of {@link #UNKNOWN_TABLES}. */
    @PublicEvolving
    public enum UnknownTables implements DescribedEnum {
        REJECT("A row in bronze.cdc_rejects for each event, with the reason."),
        SKIP("Counted in the cdc.unknownTableEvents metric and logged once per table.");

        private final String description;

        UnknownTables(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public InlineElement getDescription() {
            return TextElement.text(description);
        }
    }
}
