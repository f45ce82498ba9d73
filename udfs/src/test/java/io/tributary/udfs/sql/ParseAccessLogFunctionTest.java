package io.tributary.udfs.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.udfs.weblogs.AccessLogParser;
import io.tributary.udfs.weblogs.AccessLogRecord;
import io.tributary.udfs.weblogs.ParsedLine;
import java.nio.charset.StandardCharsets;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.core.memory.MemorySegment;
import org.apache.flink.core.memory.MemorySegmentFactory;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.data.binary.BinaryStringData;
import org.junit.jupiter.api.Test;

/**
 * The SQL function's rows against the parser's own record of each line: the function reads the
 * line's bytes where Flink holds them and points its strings into them, the record decodes every
 * field — both must say the same.
 */
class ParseAccessLogFunctionTest {
    private static final List<String> LINES =
            List.of(
                    "83.149.9.216 - - [17/May/2015:10:05:03 +0000] \"GET /presentations/logstash-monitorama-2013/images/kibana-search.png HTTP/1.1\" 200 203023 \"http://semicomplete.com/presentations/logstash-monitorama-2013/\" \"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1)\"",
                    "::1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif?x=1&y=2 HTTP/1.0\" 304 -",
                    "10.0.0.1 - - [03/Jan/2021:23:30:00 -0530] \"-\" 408 0 \"-\" \"-\"",
                    "10.0.0.2 ident user [29/Feb/2020:00:00:00 +1400] \"GET /search?q=\\\"a b\\\" HTTP/1.1\" 200 5 \"-\" \"Bot \\\"quoted\\\" caf\\xc3\\xa9 \\\\ end\"",
                    "10.0.0.3 - - [17/May/2015:10:05:03 +0000] \"GET /café/ünïcode.html HTTP/1.1\" 404 12 \"http://ref/é\" \"agent ü\"",
                    "10.0.0.4 - - [17/May/2015:10:05:03 +0000] \"GET /a HTTP/1.1\" 200 5 \"http://ref/\" \"Mozilla/5.0 (Windo",
                    "10.0.0.5 - - [17/May/2015:10:05:03 +0000] \"GET /a HTTP/1.1\" 2x0 5",
                    "   ",
                    "not a log line");

    @Test
    void rowsAreTheParsersRecordsWhereverTheLineLies() {
        for (String line : LINES) {
            RowData expected = expected(line);
            byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
            // Inside a larger buffer, at an offset, as the landing reader and Flink's rows hold it.
            byte[] buffer = new byte[utf8.length + 11];
            Arrays.fill(buffer, (byte) '"');
            System.arraycopy(utf8, 0, buffer, 7, utf8.length);
            MemorySegment[] segment = {MemorySegmentFactory.wrap(buffer)};

            assertThat(fields(eval(BinaryStringData.fromAddress(segment, 7, utf8.length))))
                    .as(line)
                    .isEqualTo(fields(expected));
            assertThat(fields(eval(StringData.fromString(line))))
                    .as(line)
                    .isEqualTo(fields(expected));
        }
    }

    @Test
    void aRecordWhoseEnvelopeFailedKeepsThatReasonAndAnotherIsParsed() {
        String line = LINES.get(0);
        ParseAccessLogFunction function = new ParseAccessLogFunction();
        List<RowData> rows = collectInto(function);

        function.eval(StringData.fromString(line), StringData.fromString("invalid JSON: '{'"));
        function.eval(StringData.fromString(line), null);

        List<String> rejected = new ArrayList<>(Collections.nCopies(17, null));
        rejected.add("invalid JSON: '{'");
        assertThat(fields(rows.get(0))).isEqualTo(rejected);
        assertThat(fields(rows.get(1))).isEqualTo(fields(expected(line)));
    }

    @Test
    void aNullLineIsRejectedAsEmpty() {
        assertThat(eval(null).getString(17).toString()).isEqualTo("empty line");
    }

    private static RowData eval(StringData line) {
        ParseAccessLogFunction function = new ParseAccessLogFunction();
        List<RowData> rows = collectInto(function);
        function.eval(line);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static List<RowData> collectInto(ParseAccessLogFunction function) {
        List<RowData> rows = new ArrayList<>();
        function.setCollector(new ListCollector<>(rows));
        return rows;
    }

    /** The row spelled out from the parser's record, the way the function's columns define it. */
    private static RowData expected(String line) {
        ParsedLine parsed = new AccessLogParser().parse(line);
        GenericRowData row = new GenericRowData(18);
        if (!parsed.isValid()) {
            row.setField(17, StringData.fromString(parsed.rejectReason()));
            return row;
        }
        AccessLogRecord r = parsed.record();
        row.setField(0, s(r.clientIp));
        row.setField(1, s("-".equals(r.ident) ? null : r.ident));
        row.setField(2, s("-".equals(r.user) ? null : r.user));
        row.setField(3, TimestampData.fromEpochMillis(r.epochMillis));
        row.setField(4, s(r.utcOffset()));
        row.setField(5, s(r.method));
        row.setField(6, s(r.endpoint));
        row.setField(7, s(r.query));
        row.setField(8, s(r.protocol));
        row.setField(9, r.status);
        row.setField(10, s(r.statusClass()));
        row.setField(11, r.bytes);
        row.setField(12, s(r.referrer));
        row.setField(13, s(r.userAgent));
        row.setField(14, r.isFile());
        row.setField(15, (int) r.localDate().toEpochDay());
        row.setField(16, s(r.weekday().getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
        return row;
    }

    private static StringData s(String value) {
        return value == null ? null : StringData.fromString(value);
    }

    /** Every column as text, nulls as null. */
    private static List<String> fields(RowData row) {
        GenericRowData g = (GenericRowData) row;
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            Object value = g.getField(i);
            fields.add(value == null ? null : value.toString());
        }
        return fields;
    }
}
