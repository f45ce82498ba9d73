package io.tributary.udfs.sql;

import io.tributary.udfs.weblogs.AccessLogParser;
import io.tributary.udfs.weblogs.EndpointClassifier;
import io.tributary.udfs.weblogs.LineFields;
import io.tributary.udfs.weblogs.StatusClass;
import io.tributary.udfs.weblogs.UtcOffsets;
import java.nio.charset.StandardCharsets;
import java.time.format.TextStyle;
import java.util.Locale;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.core.memory.MemorySegment;
import org.apache.flink.core.memory.MemorySegmentFactory;
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
 * request, or only {@code reject_reason} when the line is not a valid request. {@code
 * parse_access_log(line, decode_error)} rejects a record whose envelope could not be opened with
 * that reason, without parsing it: the reason then needs no expression after the function, and the
 * view over both is the function's own output, which the statements that read it share without a
 * projection that copies every field of every line.
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
            WEEKDAYS[day.getValue()] = utf8(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        }
    }

    private static final StringData[] STATUS_CLASSES = new StringData[6];

    static {
        for (int hundreds = 1; hundreds <= 5; hundreds++) {
            STATUS_CLASSES[hundreds] = utf8(StatusClass.of(hundreds * 100));
        }
    }

    private final AccessLogParser parser = new AccessLogParser();
    private transient LineFields fields;
    private transient int lastOffsetSeconds;
    private transient StringData lastUtcOffset;

    public void eval(
            @DataTypeHint(value = "STRING", bridgedTo = StringData.class) StringData line,
            @DataTypeHint(value = "STRING", bridgedTo = StringData.class) StringData decodeError) {
        if (decodeError != null) {
            reject(decodeError);
        } else {
            eval(line);
        }
    }

    public void eval(
            @DataTypeHint(value = "STRING", bridgedTo = StringData.class) StringData line) {
        if (line == null) {
            reject(utf8("empty line"));
            return;
        }
        if (fields == null) {
            fields = new LineFields();
        }
        // A line the reader holds as UTF-8 in one heap segment is parsed where it lies, and the
        // fields point into it: no copy of the line, nor of any field, until Flink's own.
        MemorySegment[] segments = null;
        byte[] bytes;
        int from;
        int length;
        if (line instanceof BinaryStringData && inOneHeapSegment((BinaryStringData) line)) {
            BinaryStringData s = (BinaryStringData) line;
            segments = s.getSegments();
            bytes = segments[0].getArray();
            from = s.getOffset();
            length = s.getSizeInBytes();
        } else {
            bytes = line.toBytes();
            from = 0;
            length = bytes.length;
        }
        String reason = parser.parse(bytes, from, from + length, fields);
        if (reason != null) {
            reject(utf8(reason));
            return;
        }
        if (segments == null) {
            segments = new MemorySegment[] {MemorySegmentFactory.wrap(bytes)};
        }
        emit(segments, bytes);
    }

    private void emit(MemorySegment[] segments, byte[] line) {
        LineFields f = fields;
        GenericRowData row = new GenericRowData(FIELDS);
        row.setField(0, str(segments, line, LineFields.CLIENT_IP));
        row.setField(1, f.isDash(LineFields.IDENT) ? null : str(segments, line, LineFields.IDENT));
        row.setField(2, f.isDash(LineFields.USER) ? null : str(segments, line, LineFields.USER));
        row.setField(3, TimestampData.fromEpochMillis(f.epochMillis()));
        row.setField(4, utcOffset(f.utcOffsetSeconds()));
        row.setField(5, str(segments, line, LineFields.METHOD));
        row.setField(6, str(segments, line, LineFields.ENDPOINT));
        row.setField(7, str(segments, line, LineFields.QUERY));
        row.setField(8, str(segments, line, LineFields.PROTOCOL));
        row.setField(9, f.status());
        row.setField(10, STATUS_CLASSES[f.status() / 100]);
        row.setField(11, f.bytes());
        row.setField(12, str(segments, line, LineFields.REFERRER));
        row.setField(13, str(segments, line, LineFields.USER_AGENT));
        row.setField(
                14,
                !f.isNull(LineFields.ENDPOINT)
                        && EndpointClassifier.isFile(
                                f.array(LineFields.ENDPOINT),
                                f.offset(LineFields.ENDPOINT),
                                f.offset(LineFields.ENDPOINT) + f.length(LineFields.ENDPOINT)));
        int epochDay = f.epochDay();
        row.setField(15, epochDay);
        // 1970-01-01 was a Thursday, ISO day 4.
        row.setField(16, WEEKDAYS[Math.floorMod(epochDay + 3, 7) + 1]);
        collect(row);
    }

    private StringData str(MemorySegment[] segments, byte[] line, int field) {
        LineFields f = fields;
        if (f.isNull(field)) {
            return null;
        }
        return f.array(field) == line
                ? BinaryStringData.fromAddress(segments, f.offset(field), f.length(field))
                : BinaryStringData.fromBytes(f.array(field), f.offset(field), f.length(field));
    }

    private StringData utcOffset(int offsetSeconds) {
        if (lastUtcOffset == null || offsetSeconds != lastOffsetSeconds) {
            lastUtcOffset = utf8(UtcOffsets.format(offsetSeconds));
            lastOffsetSeconds = offsetSeconds;
        }
        return lastUtcOffset;
    }

    private void reject(StringData reason) {
        GenericRowData row = new GenericRowData(FIELDS);
        row.setField(17, reason);
        collect(row);
    }

    private static boolean inOneHeapSegment(BinaryStringData s) {
        MemorySegment[] segments = s.getSegments();
        return segments.length == 1
                && !segments[0].isOffHeap()
                && s.getOffset() + s.getSizeInBytes() <= segments[0].size();
    }

    /**
     * Encoded here rather than left to Flink's lazy encoding: the JDK encodes an ASCII string as
     * one array copy, while Flink's encoder looks up a thread-local buffer per string.
     */
    private static StringData utf8(String value) {
        return BinaryStringData.fromBytes(value.getBytes(StandardCharsets.UTF_8));
    }
}
