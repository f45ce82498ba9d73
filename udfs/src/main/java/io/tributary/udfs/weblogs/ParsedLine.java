package io.tributary.udfs.weblogs;

import org.apache.flink.annotation.PublicEvolving;

/** What the parser made of one line: a valid request, or the reason it is rejected. */
@PublicEvolving
public final class ParsedLine {
    private final AccessLogRecord record;
    private final String rejectReason;

    private ParsedLine(AccessLogRecord record, String rejectReason) {
        this.record = record;
        this.rejectReason = rejectReason;
    }

    static ParsedLine valid(AccessLogRecord record) {
        return new ParsedLine(record, null);
    }

    static ParsedLine rejected(String reason) {
        return new ParsedLine(null, reason);
    }

    public boolean isValid() {
        return record != null;
    }

    /** The request, or null when the line was rejected. */
    public AccessLogRecord record() {
        return record;
    }

    /** Why the line is not a valid request, or null when it is one. */
    public String rejectReason() {
        return rejectReason;
    }
}
