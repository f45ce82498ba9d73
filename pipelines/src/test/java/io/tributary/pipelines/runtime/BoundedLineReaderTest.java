package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.flink.table.data.StringData;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
    private static List<String> lines(InputStream in, int max) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BoundedLineReader reader = new BoundedLineReader(in, max)) {
            for (StringData line; (line = reader.readLine()) != null; ) {
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> bufferedReaderLines(String text) throws IOException {
        return new BufferedReader(new StringReader(text)).lines().collect(Collectors.toList());
    }

    @Test
    void endsLinesAsBufferedReaderDoesAcrossItsBuffer() throws IOException {
        Random random = new Random(1);
        String alphabet = "ab \r\n\r\n";
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(200_000);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            // A stream that hands out few bytes at a time puts line ends at every buffer position.
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            InputStream trickle =
                    new ByteArrayInputStream(bytes) {
                        @Override
                        public synchronized int read(byte[] buffer, int offset, int count) {
                            return super.read(
                                    buffer, offset, Math.min(count, 1 + random.nextInt(7)));
                        }
                    };
            assertThat(lines(trickle, Integer.MAX_VALUE))
                    .isEqualTo(bufferedReaderLines(text.toString()));
        }
        assertThat(lines(utf8("a\n\nb"), 10)).containsExactly("a", "", "b");
        assertThat(lines(utf8(""), 10)).isEmpty();
    }

    @Test
    void aLineOverTheLimitIsCutAndItsLengthKept() throws IOException {
        String huge = "x".repeat(300_000);
        try (BoundedLineReader reader =
                new BoundedLineReader(utf8("short\r\n" + huge + "\nafter"), 1_000)) {
            assertThat(reader.readLine()).hasToString("short");
            assertThat(reader.lastLineLength()).isEqualTo(5);
            assertThat(reader.readLine()).hasToString(huge.substring(0, 1_000));
            assertThat(reader.lastLineLength()).isEqualTo(300_000);
            assertThat(reader.readLine()).hasToString("after");
            assertThat(reader.readLine()).isNull();
        }
    }

    @Test
    void keepsUtf8AndReplacesWhatIsNotUtf8AsAReaderWould() throws IOException {
        byte[] text = {
            'G',
            'E',
            'T',
            ' ',
            (byte) 0xC3,
            (byte) 0xA9,
            '\n', // é, valid
            'b',
            'a',
            'd',
            ' ',
            (byte) 0xFF,
            ' ',
            (byte) 0xC3,
            '\n', // an invalid byte, a cut é
            'e',
            'n',
            'd'
        };
        String asReaderReadsIt =
                new BufferedReader(
                                new InputStreamReader(
                                        new ByteArrayInputStream(text), StandardCharsets.UTF_8))
                        .lines()
                        .collect(Collectors.joining("\n"));
        assertThat(String.join("\n", lines(new ByteArrayInputStream(text), 100)))
                .isEqualTo(asReaderReadsIt)
                .startsWith("GET \u00e9\nbad \ufffd \ufffd\n");
        try (BoundedLineReader reader = new BoundedLineReader(new ByteArrayInputStream(text), 5)) {
            // Cut inside the two bytes of é: the half left is replaced, not kept as broken UTF-8.
            assertThat(reader.readLine()).hasToString("GET \ufffd");
            assertThat(reader.lastLineLength()).isEqualTo(6);
        }
    }
}
