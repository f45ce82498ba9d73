package io.tributary.udfs.weblogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessLogParserTest {
    private final AccessLogParser parser = new AccessLogParser();

    private AccessLogRecord valid(String line) {
        ParsedLine parsed = parser.parse(line);
        assertThat(parsed.rejectReason()).as("reject reason of %s", line).isNull();
        return parsed.record();
    }

    private String rejected(String line) {
        ParsedLine parsed = parser.parse(line);
        assertThat(parsed.isValid()).as("%s is valid", line).isFalse();
        return parsed.rejectReason();
    }

    @Test
    void parsesCombinedLine() {
        AccessLogRecord r =
                valid(
                        "83.149.9.216 - - [17/May/2015:10:05:03 +0000] \"GET /presentations/kibana-search.png?x=1&y=2 HTTP/1.1\" 200 203023 \"http://semicomplete.com/\" \"Mozilla/5.0 (Macintosh)\"");
        assertThat(r.clientIp).isEqualTo("83.149.9.216");
        assertThat(r.ident).isEqualTo("-");
        assertThat(Instant.ofEpochMilli(r.epochMillis))
                .isEqualTo(Instant.parse("2015-05-17T10:05:03Z"));
        assertThat(r.method).isEqualTo("GET");
        assertThat(r.endpoint).isEqualTo("/presentations/kibana-search.png");
        assertThat(r.query).isEqualTo("x=1&y=2");
        assertThat(r.protocol).isEqualTo("HTTP/1.1");
        assertThat(r.status).isEqualTo(200);
        assertThat(r.statusClass()).isEqualTo("2xx");
        assertThat(r.bytes).isEqualTo(203023L);
        assertThat(r.referrer).isEqualTo("http://semicomplete.com/");
        assertThat(r.userAgent).isEqualTo("Mozilla/5.0 (Macintosh)");
        assertThat(r.isFile()).isTrue();
        assertThat(r.weekday()).isEqualTo(DayOfWeek.SUNDAY);
    }

    @Test
    void parsesCommonFormatWithIpv6HostUserAndDashBytes() {
        AccessLogRecord r =
                valid(
                        "2001:db8::ff00:42:8329 - frank [10/Oct/2000:13:55:36 -0700] \"POST /api/login HTTP/1.0\" 304 -");
        assertThat(r.clientIp).isEqualTo("2001:db8::ff00:42:8329");
        assertThat(r.user).isEqualTo("frank");
        assertThat(r.bytes).isNull();
        assertThat(r.referrer).isNull();
        assertThat(r.userAgent).isNull();
        assertThat(r.isFile()).isFalse();
        assertThat(r.utcOffset()).isEqualTo("-07:00");
        assertThat(Instant.ofEpochMilli(r.epochMillis))
                .isEqualTo(Instant.parse("2000-10-10T20:55:36Z"));
    }

    @Test
    void datesAndWeekdaysFollowTheLinesOwnOffset() {
        // 23:30 on a Monday at -05:00 is already Tuesday in UTC; the line's own date wins.
        AccessLogRecord r =
                valid(
                        "host.example.org - - [04/Jan/2021:23:30:00 -0500] \"GET / HTTP/1.1\" 200 12");
        assertThat(r.clientIp).isEqualTo("host.example.org");
        assertThat(r.localDate()).isEqualTo(LocalDate.of(2021, 1, 4));
        assertThat(r.weekday()).isEqualTo(DayOfWeek.MONDAY);
        AccessLogRecord east =
                valid("h - - [04/Jan/2021:00:30:00 +0530] \"GET / HTTP/1.1\" 200 12");
        assertThat(east.localDate()).isEqualTo(LocalDate.of(2021, 1, 4));
        assertThat(Instant.ofEpochMilli(east.epochMillis))
                .isEqualTo(Instant.parse("2021-01-03T19:00:00Z"));
        assertThat(east.utcOffset()).isEqualTo("+05:30");
    }

    @Test
    void dashRequestLineIsValidWithNullRequestFields() {
        AccessLogRecord r =
                valid("10.0.0.1 - - [17/May/2015:10:05:03 +0000] \"-\" 408 0 \"-\" \"-\"");
        assertThat(r.method).isNull();
        assertThat(r.endpoint).isNull();
        assertThat(r.protocol).isNull();
        assertThat(r.status).isEqualTo(408);
        assertThat(r.referrer).isNull();
    }

    @Test
    void http09RequestHasNoProtocol() {
        AccessLogRecord r =
                valid("10.0.0.1 - - [17/May/2015:10:05:03 +0000] \"GET /index\" 200 10");
        assertThat(r.method).isEqualTo("GET");
        assertThat(r.endpoint).isEqualTo("/index");
        assertThat(r.protocol).isNull();
    }

    @Test
    void binaryGarbageRequestIsValidWithNullRequestFields() {
        AccessLogRecord r =
                valid("10.0.0.1 - - [17/May/2015:10:05:03 +0000] \"\\x16\\x03\\x01\\x00\" 400 226");
        assertThat(r.method).isNull();
        assertThat(r.status).isEqualTo(400);
    }

    @Test
    void decodesEscapesInQuotedFields() {
        AccessLogRecord r =
                valid(
                        "10.0.0.1 - - [17/May/2015:10:05:03 +0000] \"GET /search?q=\\\"a b\\\" HTTP/1.1\" 200 5 \"-\" \"Bot \\\"quoted\\\" caf\\xc3\\xa9 \\\\ end\"");
        assertThat(r.query).isEqualTo("q=\"a b\"");
        assertThat(r.userAgent).isEqualTo("Bot \"quoted\" café \\ end");
    }

    @Test
    void lineCutInsideUserAgentIsStillValid() {
        AccessLogRecord r =
                valid(
                        "10.0.0.1 - - [17/May/2015:10:05:03 +0000] \"GET /a HTTP/1.1\" 200 5 \"http://ref/\" \"Mozilla/5.0 (Windo");
        assertThat(r.referrer).isEqualTo("http://ref/");
        assertThat(r.userAgent).isNull();
        AccessLogRecord cutInReferrer =
                valid(
                        "10.0.0.1 - - [17/May/2015:10:05:03 +0000] \"GET /a HTTP/1.1\" 200 5 \"http://re");
        assertThat(cutInReferrer.referrer).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|empty line",
                "'   '|empty line",
                "garbage|malformed line",
                "this is not a log line at all|malformed line",
                "10.0.0.1 - - 17/May/2015:10:05:03 +0000 \"GET / HTTP/1.1\" 200 5|missing [timestamp]",
                "10.0.0.1 - - [32/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 5|invalid timestamp",
                "10.0.0.1 - - [17/Foo/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 5|invalid timestamp",
                "10.0.0.1 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\"|truncated before status",
                "10.0.0.1 - - [17/May/2015:10:05:03 +0000] \"GET / HTT|truncated before status",
                "10.0.0.1 - - [17/May/2015:10:0|truncated before status",
                "10.0.0.1 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200|truncated before bytes",
                "10.0.0.1 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 2x0 5|invalid status",
                "10.0.0.1 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 700 5|invalid status",
                "10.0.0.1 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 12a|invalid bytes",
            })
    void rejectsWithReason(String line, String reason) {
        assertThat(rejected(line)).contains(reason);
    }

    @ParameterizedTest
    @CsvSource({
        "/images/logo.png, true",
        "/feed.xml, true",
        "/download/archive.tar.gz, true",
        "/a/b.abcdefgh, true",
        "/a/b.abcdefghi, false",
        "/articles/, false",
        "/articles, false",
        "/v1.2/users, false",
        "/file., false",
        "/x.p-g, false",
    })
    void classifiesFileEndpoints(String endpoint, boolean isFile) {
        assertThat(EndpointClassifier.isFile(endpoint)).isEqualTo(isFile);
    }

    @Test
    void statusClasses() {
        assertThat(StatusClass.of(101)).isEqualTo("1xx");
        assertThat(StatusClass.of(404)).isEqualTo("4xx");
        assertThat(StatusClass.of(599)).isEqualTo("5xx");
        assertThat(StatusClass.of(600)).isNull();
        assertThat(StatusClass.of(99)).isNull();
    }

    @Test
    void civilDayArithmeticMatchesJavaTime() {
        for (LocalDate d = LocalDate.of(1899, 12, 25);
                d.isBefore(LocalDate.of(2101, 1, 5));
                d = d.plusDays(13)) {
            assertThat(
                            TimestampParser.daysFromCivil(
                                    d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
                    .isEqualTo(d.toEpochDay());
        }
    }
}
