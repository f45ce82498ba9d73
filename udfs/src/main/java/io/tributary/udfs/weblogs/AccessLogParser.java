package io.tributary.udfs.weblogs;

import static io.tributary.udfs.weblogs.LineFields.CLIENT_IP;
import static io.tributary.udfs.weblogs.LineFields.IDENT;
import static io.tributary.udfs.weblogs.LineFields.REFERRER;
import static io.tributary.udfs.weblogs.LineFields.USER;
import static io.tributary.udfs.weblogs.LineFields.USER_AGENT;

import java.nio.charset.StandardCharsets;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Parses Apache and Nginx access-log lines in the common and combined formats.
 *
 * <pre>
 * host ident user [dd/MMM/yyyy:HH:mm:ss ±hhmm] "request" status bytes ["referrer" "user-agent"]
 * </pre>
 *
 * <p>A line is a valid request when its host, timestamp, status and bytes parse; an unsplittable
 * request line leaves method, endpoint and protocol null, and a line cut inside the referrer or
 * user agent keeps the fields before the cut. Everything else is rejected with a reason. Quoted
 * fields honour {@code \"}, {@code \\} and {@code \xhh} escapes as {@code mod_log_config} writes
 * them.
 *
 * <p>Hand-written rather than a regular expression: the backfill parses every line ever logged, and
 * the benchmark holds this class to a million lines a second on one core. It reads the line's UTF-8
 * bytes, as the lake stores them, and {@link #parse(byte[], int, int, LineFields)} says where each
 * field lies without copying it: the delimiters it looks for are ASCII, which never occur inside
 * the encoding of another character. Instances are stateless and thread-safe.
 */
@PublicEvolving
public final class AccessLogParser implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public ParsedLine parse(String line) {
        if (line == null) {
            return ParsedLine.rejected("empty line");
        }
        byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
        LineFields fields = new LineFields();
        String reason = parse(utf8, 0, utf8.length, fields);
        return reason == null ? ParsedLine.valid(fields.toRecord()) : ParsedLine.rejected(reason);
    }

    /**
     * Parses the UTF-8 line {@code line[from, to)} into {@code fields}.
     *
     * @return null for a valid request, else why the line is rejected
     */
    @Internal
    public String parse(byte[] line, int from, int to, LineFields fields) {
        fields.clear();
        if (isBlank(line, from, to)) {
            return "empty line";
        }
        Cursor c = new Cursor(line, from, to);
        if (!c.token(fields, CLIENT_IP)
                || !c.token(fields, IDENT)
                || !c.token(fields, USER)
                || !looksLikeHost(line, fields)) {
            return "malformed line: expected 'host ident user [timestamp]'";
        }
        if (!c.skipSpaces() || c.peek() != '[') {
            return "malformed line: missing [timestamp]";
        }
        int close = indexOf(line, ']', c.pos, to);
        if (close < 0) {
            return "truncated before status: timestamp not closed";
        }
        if (!TimestampParser.parse(line, c.pos + 1, close, fields)) {
            return "invalid timestamp '" + text(line, c.pos + 1, close) + "'";
        }
        c.pos = close + 1;
        if (!c.skipSpaces()) {
            return "truncated before status: no request field";
        }
        if (c.peek() != '"') {
            return "malformed line: request field is not quoted";
        }
        if (!c.quoted()) {
            return "truncated before status: request field not closed";
        }
        byte[] request = c.value;
        int requestFrom = c.valueFrom;
        int requestTo = c.valueTo;
        if (!c.token()) {
            return "truncated before status";
        }
        int status = parseStatus(line, c.tokenStart, c.tokenEnd);
        if (status < 0) {
            return "invalid status '" + text(line, c.tokenStart, c.tokenEnd) + "'";
        }
        fields.status = status;
        if (!c.token()) {
            return "truncated before bytes";
        }
        if (c.tokenEnd - c.tokenStart == 1 && line[c.tokenStart] == '-') {
            fields.bytes = -1;
        } else {
            long parsed = parseNonNegative(line, c.tokenStart, c.tokenEnd);
            if (parsed < 0) {
                return "invalid bytes '" + text(line, c.tokenStart, c.tokenEnd) + "'";
            }
            fields.bytes = parsed;
        }
        if (c.skipSpaces() && c.peek() == '"') {
            boolean closed = c.quoted();
            if (closed && !c.valueIsDash()) {
                fields.set(REFERRER, c.value, c.valueFrom, c.valueTo);
            }
            if (closed && c.skipSpaces() && c.peek() == '"' && c.quoted() && !c.valueIsDash()) {
                fields.set(USER_AGENT, c.value, c.valueFrom, c.valueTo);
            }
        }
        RequestLine.split(request, requestFrom, requestTo, fields);
        return null;
    }

    /** As {@link String#isBlank()} would say of the decoded line. */
    private static boolean isBlank(byte[] line, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = line[i];
            if (b < 0) {
                return text(line, from, to).isBlank();
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeHost(byte[] line, LineFields fields) {
        int from = fields.offset(CLIENT_IP);
        for (int i = from; i < from + fields.length(CLIENT_IP); i++) {
            byte b = line[i];
            if (b == '[' || b == '"' || b == ']') {
                return false;
            }
        }
        return true;
    }

    private static int parseStatus(byte[] line, int from, int to) {
        if (to - from != 3) {
            return -1;
        }
        int status = 0;
        for (int i = from; i < to; i++) {
            byte b = line[i];
            if (b < '0' || b > '9') {
                return -1;
            }
            status = status * 10 + (b - '0');
        }
        return status >= 100 && status <= 599 ? status : -1;
    }

    private static long parseNonNegative(byte[] line, int from, int to) {
        if (to == from || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            byte b = line[i];
            if (b < '0' || b > '9') {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    static int indexOf(byte[] line, char ch, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] == ch) {
                return i;
            }
        }
        return -1;
    }

    private static String text(byte[] line, int from, int to) {
        return new String(line, from, to - from, StandardCharsets.UTF_8);
    }

    /** Reads space-separated tokens and quoted fields from one line. */
    private static final class Cursor {
        private final byte[] line;
        private final int end;
        int pos;

        /** The last token: {@code line[tokenStart, tokenEnd)}. */
        int tokenStart;

        int tokenEnd;

        /** The last quoted field's value, unescaped: {@code value[valueFrom, valueTo)}. */
        byte[] value;

        int valueFrom;
        int valueTo;

        Cursor(byte[] line, int from, int to) {
            this.line = line;
            this.pos = from;
            this.end = to;
        }

        /** Skips spaces; false when the line ends. */
        boolean skipSpaces() {
            while (pos < end && line[pos] == ' ') {
                pos++;
            }
            return pos < end;
        }

        byte peek() {
            return line[pos];
        }

        /** The next token; false when the line ends before one. */
        boolean token() {
            if (!skipSpaces()) {
                return false;
            }
            tokenStart = pos;
            while (pos < end && line[pos] != ' ') {
                pos++;
            }
            tokenEnd = pos;
            return true;
        }

        boolean token(LineFields fields, int field) {
            if (!token()) {
                return false;
            }
            fields.set(field, line, tokenStart, tokenEnd);
            return true;
        }

        /** The quoted field at the cursor; false when the line ends inside it. */
        boolean quoted() {
            int start = pos + 1;
            for (int i = start; i < end; i++) {
                byte b = line[i];
                if (b == '"') {
                    pos = i + 1;
                    value = line;
                    valueFrom = start;
                    valueTo = i;
                    return true;
                }
                if (b == '\\') {
                    return quotedWithEscapes(start);
                }
            }
            pos = end;
            return false;
        }

        boolean valueIsDash() {
            return valueTo - valueFrom == 1 && value[valueFrom] == '-';
        }

        private boolean quotedWithEscapes(int start) {
            QuotedFieldDecoder decoder = new QuotedFieldDecoder(line, start, end);
            value = decoder.decode();
            pos = decoder.position();
            valueFrom = 0;
            valueTo = value == null ? 0 : value.length;
            return value != null;
        }
    }
}
