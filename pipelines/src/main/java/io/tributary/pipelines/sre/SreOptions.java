package io.tributary.pipelines.sre;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/**
 * Settings of the SRE pipeline ({@code tributary run sre}). The database password is never a
 * setting of a file in the repository: it comes from an environment variable or a secret file.
 */
@PublicEvolving
public final class SreOptions {
    private SreOptions() {}

    public static final ConfigOption<String> JDBC_URL =
            ConfigOptions.key("tributary.sre.jdbc.url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "JDBC URL of the operational database the batch mode reads: jdbc:mysql://, "
                                    + "jdbc:mariadb:// or jdbc:postgresql://host:port/database.");

    public static final ConfigOption<String> JDBC_USER =
            ConfigOptions.key("tributary.sre.jdbc.user")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Database user of the batch mode's reads.");

    public static final ConfigOption<String> JDBC_PASSWORD_ENV =
            ConfigOptions.key("tributary.sre.jdbc.password-env")
                    .stringType()
                    .defaultValue("TRIBUTARY_SRE_JDBC_PASSWORD")
                    .withDescription(
                            "Environment variable holding the database password (used when "
                                    + "tributary.sre.jdbc.password-file is not set).");

    public static final ConfigOption<String> JDBC_PASSWORD_FILE =
            ConfigOptions.key("tributary.sre.jdbc.password-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "File holding the database password (a mounted Kubernetes secret); its "
                                    + "trailing newline is ignored. Takes precedence over the variable.");

    public static final ConfigOption<String> TABLE_RUNS =
            ConfigOptions.key("tributary.sre.jdbc.table.esteira-prod")
                    .stringType()
                    .defaultValue("esteira_prod")
                    .withDescription(
                            "Table of deploy pipeline runs (schema.table where the database has schemas).");

    public static final ConfigOption<String> TABLE_REQUESTS =
            ConfigOptions.key("tributary.sre.jdbc.table.log")
                    .stringType()
                    .defaultValue("log")
                    .withDescription("Table of requests.");

    public static final ConfigOption<String> TABLE_INCIDENTS =
            ConfigOptions.key("tributary.sre.jdbc.table.chamados")
                    .stringType()
                    .defaultValue("chamados")
                    .withDescription("Table of incidents.");

    public static final ConfigOption<Integer> SCAN_PARTITIONS =
            ConfigOptions.key("tributary.sre.jdbc.scan-partitions")
                    .intType()
                    .defaultValue(4)
                    .withDescription(
                            "Ranges of the primary key that esteira_prod and log are read in, in parallel "
                                    + "(partitioned scans between the key's current minimum and maximum). "
                                    + "chamados is keyed by text and read in one scan.");

    public static final ConfigOption<Integer> SCAN_FETCH_SIZE =
            ConfigOptions.key("tributary.sre.jdbc.fetch-size")
                    .intType()
                    .defaultValue(5_000)
                    .withDescription("Rows the driver fetches per round trip.");

    public static final ConfigOption<String> BACKFILL_FROM =
            ConfigOptions.key("tributary.sre.backfill.from")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Batch: read and replace only the rows whose time (esteira_prod.started_at, "
                                    + "log.ts, chamados.opened_at) is at or after this ISO date or date-time "
                                    + "(2025-03-01, 2025-03-01T06:00). Bronze and silver rows of other times "
                                    + "stay as they are; gold is recomputed from silver. Rows without a time "
                                    + "are read by a backfill without a range only.");

    public static final ConfigOption<String> BACKFILL_UNTIL =
            ConfigOptions.key("tributary.sre.backfill.until")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Batch: the end (excluded) of the time range of tributary.sre.backfill.from, an "
                                    + "ISO date or date-time; either end may be left open.");

    public static final ConfigOption<String> SLO_FILE =
            ConfigOptions.key("tributary.sre.slo-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "SLO targets file (OpenSLO-like YAML, see the bundled slo-targets.yaml); "
                                    + "without it, last year's targets apply.");
}
