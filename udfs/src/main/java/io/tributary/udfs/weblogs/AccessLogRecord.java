package io.tributary.udfs.weblogs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.apache.flink.annotation.PublicEvolving;

/**
 * One valid request parsed from an Apache/Nginx common or combined log line.
 *
 * <p>Request-line fields ({@code method}, {@code path}, {@code endpoint}, {@code query}, {@code
 * protocol}) are null when the request line cannot be split (for example {@code "-"}). {@code
 * bytes} is null when the log wrote {@code -}.
 */
@PublicEvolving
public final class AccessLogRecord {
    public final String clientIp;
    public final String ident;
    public final String user;

    /** Milliseconds since the epoch (UTC). */
    public final long epochMillis;

    /** The line's own UTC offset in seconds; dates and weekdays follow it. */
    public final int utcOffsetSeconds;

    public final String method;
    public final String endpoint;
    public final String query;
    public final String protocol;
    public final int status;
    public final Long bytes;
    public final String referrer;
    public final String userAgent;

    AccessLogRecord(
            String clientIp,
            String ident,
            String user,
            long epochMillis,
            int utcOffsetSeconds,
            String method,
            String endpoint,
            String query,
            String protocol,
            int status,
            Long bytes,
            String referrer,
            String userAgent) {
        this.clientIp = clientIp;
        this.ident = ident;
        this.user = user;
        this.epochMillis = epochMillis;
        this.utcOffsetSeconds = utcOffsetSeconds;
        this.method = method;
        this.endpoint = endpoint;
        this.query = query;
        this.protocol = protocol;
        this.status = status;
        this.bytes = bytes;
        this.referrer = referrer;
        this.userAgent = userAgent;
    }

    /** The calendar date in the line's own UTC offset. */
    public LocalDate localDate() {
        return LocalDate.ofEpochDay(TimestampParser.epochDay(epochMillis, utcOffsetSeconds));
    }

    public DayOfWeek weekday() {
        return localDate().getDayOfWeek();
    }

    public String statusClass() {
        return StatusClass.of(status);
    }

    public boolean isFile() {
        return EndpointClassifier.isFile(endpoint);
    }

    /** The offset as written in ISO form, e.g. {@code +02:00}. */
    public String utcOffset() {
        return UtcOffsets.format(utcOffsetSeconds);
    }
}
