package io.tributary.udfs.weblogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks the parser against the shared sample of 10,000 real log lines, where it is present. */
class RealLogSampleTest {
    /** An independent, slow reading of the combined format, to compare the fast parser with. */
    private static final Pattern COMBINED =
            Pattern.compile(
                    "^(\\S+) (\\S+) (\\S+) \\[([^\\]]+)\\] \"([^\"]*)\" (\\d{3}) (\\d+|-)(?: \"([^\"]*)\" \"([^\"]*)\")?.*$");

    static Path sample() {
        return Path.of("..", "..", "shared", "datasets", "weblogs", "apache_combined_2015.log")
                .toAbsolutePath()
                .normalize();
    }

    @Test
    void everyRealLineParsesLikeTheReferenceRegex() throws IOException {
        Path file = sample();
        assumeTrue(Files.exists(file), "shared web-log sample not present: " + file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        AccessLogParser parser = new AccessLogParser();
        int checked = 0;
        for (String line : lines) {
            Matcher m = COMBINED.matcher(line);
            ParsedLine parsed = parser.parse(line);
            if (!m.matches()) {
                continue;
            }
            assertThat(parsed.rejectReason()).as(line).isNull();
            AccessLogRecord r = parsed.record();
            assertThat(r.clientIp).isEqualTo(m.group(1));
            assertThat(r.status).isEqualTo(Integer.parseInt(m.group(6)));
            assertThat(r.bytes).isEqualTo(m.group(7).equals("-") ? null : Long.valueOf(m.group(7)));
            String[] req = m.group(5).split(" ");
            if (req.length == 3) {
                assertThat(r.method).isEqualTo(req[0]);
                assertThat(r.endpoint).isEqualTo(req[1].split("\\?", 2)[0]);
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(9_900);
    }
}
