package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
    private static List<String> lines(Reader in, int max) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BoundedLineReader reader = new BoundedLineReader(in, max)) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<String> bufferedReaderLines(String text) throws IOException {
        return new BufferedReader(new StringReader(text))
                .lines()
                .collect(java.util.stream.Collectors.toList());
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
            // A reader that hands out few characters at a time puts line ends at every buffer
            // position.
            Reader trickle =
                    new StringReader(text.toString()) {
                        @Override
                        public int read(char[] buffer, int offset, int count) throws IOException {
                            return super.read(
                                    buffer, offset, Math.min(count, 1 + random.nextInt(7)));
                        }
                    };
            assertThat(lines(trickle, Integer.MAX_VALUE))
                    .isEqualTo(bufferedReaderLines(text.toString()));
        }
        assertThat(lines(new StringReader("a\n\nb"), 10)).containsExactly("a", "", "b");
        assertThat(lines(new StringReader(""), 10)).isEmpty();
    }

    @Test
    void aLineOverTheLimitIsCutAndItsLengthKept() throws IOException {
        String huge = "x".repeat(300_000);
        try (BoundedLineReader reader =
                new BoundedLineReader(new StringReader("short\r\n" + huge + "\nafter"), 1_000)) {
            assertThat(reader.readLine()).isEqualTo("short");
            assertThat(reader.lastLineLength()).isEqualTo(5);
            assertThat(reader.readLine()).isEqualTo(huge.substring(0, 1_000));
            assertThat(reader.lastLineLength()).isEqualTo(300_000);
            assertThat(reader.readLine()).isEqualTo("after");
            assertThat(reader.readLine()).isNull();
        }
    }
}
