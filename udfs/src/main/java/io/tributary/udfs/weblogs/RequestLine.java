package io.tributary.udfs.weblogs;

import static io.tributary.udfs.weblogs.LineFields.ENDPOINT;
import static io.tributary.udfs.weblogs.LineFields.METHOD;
import static io.tributary.udfs.weblogs.LineFields.PROTOCOL;
import static io.tributary.udfs.weblogs.LineFields.QUERY;

/**
 * Splits a request line into method, endpoint (path without query), query and protocol. Anything
 * that is not {@code METHOD URI [PROTOCOL]} leaves every part null.
 */
final class RequestLine {
    private static final byte[] HTTP = {'H', 'T', 'T', 'P', '/'};

    private RequestLine() {}

    /** Splits {@code request[from, to)} into the fields' request parts. */
    static void split(byte[] request, int from, int to, LineFields fields) {
        int firstSpace = AccessLogParser.indexOf(request, ' ', from, to);
        if (firstSpace <= from || !isMethod(request, from, firstSpace)) {
            return;
        }
        int lastSpace = lastIndexOf(request, ' ', from, to);
        int uriFrom = firstSpace + 1;
        int uriTo = to;
        boolean hasProtocol = lastSpace > firstSpace && startsWithHttp(request, lastSpace + 1, to);
        if (hasProtocol) {
            uriTo = lastSpace;
        }
        // As String.trim: HTTP/0.9 sends no protocol, and a URI may be padded.
        while (uriFrom < uriTo && (request[uriFrom] & 0xFF) <= ' ') {
            uriFrom++;
        }
        while (uriTo > uriFrom && (request[uriTo - 1] & 0xFF) <= ' ') {
            uriTo--;
        }
        if (uriFrom == uriTo) {
            return;
        }
        fields.set(METHOD, request, from, firstSpace);
        if (hasProtocol) {
            fields.set(PROTOCOL, request, lastSpace + 1, to);
        }
        int question = AccessLogParser.indexOf(request, '?', uriFrom, uriTo);
        if (question < 0) {
            fields.set(ENDPOINT, request, uriFrom, uriTo);
        } else {
            fields.set(ENDPOINT, request, uriFrom, question);
            fields.set(QUERY, request, question + 1, uriTo);
        }
    }

    private static boolean isMethod(byte[] request, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = request[i];
            if ((b < 'A' || b > 'Z') && b != '-' && b != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithHttp(byte[] request, int from, int to) {
        return to - from >= HTTP.length
                && java.util.Arrays.equals(HTTP, 0, HTTP.length, request, from, from + HTTP.length);
    }

    private static int lastIndexOf(byte[] request, char ch, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (request[i] == ch) {
                return i;
            }
        }
        return -1;
    }
}
