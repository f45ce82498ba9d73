package io.tributary.udfs.sql;

import io.tributary.udfs.weblogs.AccessLogParser;
import io.tributary.udfs.weblogs.AccessLogRecord;
import io.tributary.udfs.weblogs.ParsedLine;
import java.nio.charset.StandardCharsets;
import java.time.format.TextStyle;
import java.util.Locale;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.data.binary.BinaryStringData;
import org.apache.flink.table.functions.TableFunction;

/**
 * {@code LATERAL TABLE(parse_access_log(line))}: exactly one row per input line, holding the parsed
 * request, or only {@code reject_reason} when the line is not a valid request.
 *
 * <p>A table function rather than a scalar one returning a ROW: the planner expands {@code f(x).a,
 * f(x).b} into one call per field, while a lateral table is evaluated once.
 */
@PublicEvolving
@FunctionHint(
        output =
                @DataTypeHint(
                        value =
                                "ROW<client_ip STRING, ident STRING, `user` STRING,"
                                        + " ts TIMESTAMP_LTZ(3), utc_offset STRING,"
                                        + " `method` STRING, endpoint STRING, `query` STRING,"
                                        + " protocol STRING, status INT, status_class STRING,"
                                        + " `bytes` BIGINT, referrer STRING, user_agent STRING,"
                                        + " is_file BOOLEAN, `date` DATE, weekday STRING,"
                                        + " reject_reason STRING>",
                        bridgedTo = RowData.class))
public class ParseAccessLogFunction extends TableFunction<RowData> {
    public static final String NAME = "parse_access_log";
    private static final int FIELDS = 18;
    private static final StringData[] WEEKDAYS = new StringData[8];

    static {
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            WEEKDAYS[day.getValue()] =
                    StringData.fromString(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        }
    }

    private final AccessLogParser parser = new AccessLogParser();

    public void eval(
            @DataTypeHint(value = "STRING", bridgedTo = StringData.class) StringData line) {
        // The JDK decodes an ASCII line with one array copy; Flink's own decoder is slower.
        emit(line == null ? null : new String(line.toBytes(), StandardCharsets.UTF_8));
    }

    private void emit(String line) {
        ParsedLine parsed = parser.parse(line);
        GenericRowData row = new GenericRowData(FIELDS);
        if (!parsed.isValid()) {
            row.setField(17, StringData.fromString(parsed.rejectReason()));
            collect(row);
            return;
        }
        AccessLogRecord r = parsed.record();
        row.setField(0, str(r.clientIp));
        row.setField(1, str(dashAsNull(r.ident)));
        row.setField(2, str(dashAsNull(r.user)));
        row.setField(3, TimestampData.fromEpochMillis(r.epochMillis));
        row.setField(4, str(r.utcOffset()));
        row.setField(5, str(r.method));
        row.setField(6, str(r.endpoint));
        row.setField(7, str(r.query));
        row.setField(8, str(r.protocol));
        row.setField(9, r.status);
        row.setField(10, str(r.statusClass()));
        row.setField(11, r.bytes);
        row.setField(12, str(r.referrer));
        row.setField(13, str(r.userAgent));
        row.setField(14, r.isFile());
        row.setField(15, (int) r.localDate().toEpochDay());
        row.setField(16, WEEKDAYS[r.weekday().getValue()]);
        collect(row);
    }

    private static String dashAsNull(String value) {
        return "-".equals(value) ? null : value;
    }

    /**
     * Encoded here rather than left to Flink's lazy encoding: the JDK encodes an ASCII string as
     * one array copy, while Flink's encoder looks up a thread-local buffer per string.
     */
    private static StringData str(String value) {
        return value == null
                ? null
                : BinaryStringData.fromBytes(value.getBytes(StandardCharsets.UTF_8));
    }
}
