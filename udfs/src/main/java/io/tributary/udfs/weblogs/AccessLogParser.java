package io.tributary.udfs.weblogs;

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
 * the benchmark holds this class to a million lines a second on one core. Instances are stateless
 * and thread-safe.
 */
@PublicEvolving
public final class AccessLogParser implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public ParsedLine parse(String line) {
        if (line == null || line.isBlank()) {
            return ParsedLine.rejected("empty line");
        }
        Cursor c = new Cursor(line);
        String host = c.token();
        String ident = c.token();
        String user = c.token();
        if (host == null || ident == null || user == null || !looksLikeHost(host)) {
            return ParsedLine.rejected("malformed line: expected 'host ident user [timestamp]'");
        }
        if (!c.skipSpaces() || c.peek() != '[') {
            return ParsedLine.rejected("malformed line: missing [timestamp]");
        }
        int close = line.indexOf(']', c.pos);
        if (close < 0) {
            return ParsedLine.rejected("truncated before status: timestamp not closed");
        }
        TimestampParser.Parsed ts = TimestampParser.parse(line, c.pos + 1, close);
        if (ts == null) {
            return ParsedLine.rejected(
                    "invalid timestamp '" + line.substring(c.pos + 1, close) + "'");
        }
        c.pos = close + 1;
        if (!c.skipSpaces()) {
            return ParsedLine.rejected("truncated before status: no request field");
        }
        if (c.peek() != '"') {
            return ParsedLine.rejected("malformed line: request field is not quoted");
        }
        String request = c.quoted();
        if (request == null) {
            return ParsedLine.rejected("truncated before status: request field not closed");
        }
        String statusToken = c.token();
        if (statusToken == null) {
            return ParsedLine.rejected("truncated before status");
        }
        int status = parseStatus(statusToken);
        if (status < 0) {
            return ParsedLine.rejected("invalid status '" + statusToken + "'");
        }
        String bytesToken = c.token();
        if (bytesToken == null) {
            return ParsedLine.rejected("truncated before bytes");
        }
        Long bytes;
        if (bytesToken.equals("-")) {
            bytes = null;
        } else {
            long parsed = parseNonNegative(bytesToken);
            if (parsed < 0) {
                return ParsedLine.rejected("invalid bytes '" + bytesToken + "'");
            }
            bytes = parsed;
        }
        String referrer = null;
        String userAgent = null;
        if (c.skipSpaces() && c.peek() == '"') {
            referrer = dashAsNull(c.quoted());
            if (referrer != null || c.closedLastQuote) {
                if (c.skipSpaces() && c.peek() == '"') {
                    userAgent = dashAsNull(c.quoted());
                }
            }
        }
        RequestLine req = RequestLine.split(request);
        return ParsedLine.valid(
                new AccessLogRecord(
                        host,
                        ident,
                        user,
                        ts.epochMillis,
                        ts.offsetSeconds,
                        req.method,
                        req.endpoint,
                        req.query,
                        req.protocol,
                        status,
                        bytes,
                        referrer,
                        userAgent));
    }

    private static boolean looksLikeHost(String host) {
        for (int i = 0; i < host.length(); i++) {
            char ch = host.charAt(i);
            if (ch == '[' || ch == '"' || ch == ']') {
                return false;
            }
        }
        return true;
    }

    private static int parseStatus(String token) {
        if (token.length() != 3) {
            return -1;
        }
        int status = 0;
        for (int i = 0; i < 3; i++) {
            char ch = token.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            status = status * 10 + (ch - '0');
        }
        return status >= 100 && status <= 599 ? status : -1;
    }

    private static long parseNonNegative(String token) {
        if (token.isEmpty() || token.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < token.length(); i++) {
            char ch = token.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    private static String dashAsNull(String value) {
        return value == null || value.equals("-") ? null : value;
    }

    /** Reads space-separated tokens and quoted fields from one line. */
    private static final class Cursor {
        private final String line;
        private final int end;
        int pos;

        /** Whether the last {@link #quoted()} call found its closing quote. */
        boolean closedLastQuote;

        Cursor(String line) {
            this.line = line;
            this.end = line.length();
        }

        /** Skips spaces; false when the line ends. */
        boolean skipSpaces() {
            while (pos < end && line.charAt(pos) == ' ') {
                pos++;
            }
            return pos < end;
        }

        char peek() {
            return line.charAt(pos);
        }

        String token() {
            if (!skipSpaces()) {
                return null;
            }
            int start = pos;
            while (pos < end && line.charAt(pos) != ' ') {
                pos++;
            }
            return line.substring(start, pos);
        }

        /** The quoted field at the cursor, unescaped; null when the line ends inside it. */
        String quoted() {
            int start = pos + 1;
            int i = start;
            while (i < end) {
                char ch = line.charAt(i);
                if (ch == '"') {
                    pos = i + 1;
                    closedLastQuote = true;
                    return line.substring(start, i);
                }
                if (ch == '\\') {
                    return quotedWithEscapes(start);
                }
                i++;
            }
            pos = end;
            closedLastQuote = false;
            return null;
        }

        private String quotedWithEscapes(int start) {
            QuotedFieldDecoder decoder = new QuotedFieldDecoder(line, start);
            String value = decoder.decode();
            pos = decoder.position();
            closedLastQuote = value != null;
            return value;
        }
    }
}
