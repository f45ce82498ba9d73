package io.tributary.pipelines.cdc;

import io.tributary.pipelines.runtime.ConfigurationError;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.flink.annotation.PublicEvolving;

/** The envelope a topic's change events come in. */
@PublicEvolving
public enum CdcFormat {
    DEBEZIUM_JSON("debezium-json"),
    DMS_JSON("dms-json");

    private final String id;

    CdcFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static CdcFormat parse(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.id.equals(wanted))
                .findFirst()
                .orElseThrow(
                        () ->
                                new ConfigurationError(
                                        "Unknown CDC format '" + value + "'",
                                        "use one of "
                                                + Arrays.stream(values())
                                                        .map(CdcFormat::id)
                                                        .collect(Collectors.joining(", "))));
    }
}
