package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BufferedStreamsTest {
    @TempDir java.nio.file.Path dir;

    @Test
    void outputKeepsPositionAndBytesAcrossSmallAndLargeWrites() throws Exception {
        byte[] expected = randomBytes(3 * BufferedPositionOutputStream.BUFFER_SIZE + 17, 1);
        Path path = new Path(dir.resolve("out.bin").toUri());
        Random random = new Random(2);
        try (BufferedPositionOutputStream out =
                new BufferedPositionOutputStream(
                        path.getFileSystem().create(path, FileSystem.WriteMode.NO_OVERWRITE))) {
            int written = 0;
            while (written < expected.length) {
                int n =
                        Math.min(
                                expected.length - written,
                                random.nextBoolean()
                                        ? random.nextInt(10)
                                        : random.nextInt(
                                                2 * BufferedPositionOutputStream.BUFFER_SIZE));
                if (n == 1) {
                    out.write(expected[written]);
                } else {
                    out.write(expected, written, n);
                }
                written += n;
                assertThat(out.getPos()).isEqualTo(written);
            }
        }
        assertThat(Files.readAllBytes(dir.resolve("out.bin"))).isEqualTo(expected);
    }

    @Test
    void inputServesSeeksAndReadsOfEverySizeLikeTheFileItself() throws Exception {
        byte[] content = randomBytes(5 * BufferedSeekableInputStream.BUFFER_SIZE + 123, 3);
        Files.write(dir.resolve("in.bin"), content);
        Path path = new Path(dir.resolve("in.bin").toUri());
        Random random = new Random(4);
        try (BufferedSeekableInputStream in =
                new BufferedSeekableInputStream(path.getFileSystem().open(path), "in.bin")) {
            for (int step = 0; step < 2_000; step++) {
                long pos = in.getPos();
                switch (random.nextInt(4)) {
                    case 0:
                        in.seek(random.nextInt(content.length));
                        break;
                    case 1:
                        int b = in.read();
                        assertThat(b)
                                .isEqualTo(pos < content.length ? content[(int) pos] & 0xff : -1);
                        break;
                    default:
                        int len =
                                random.nextBoolean()
                                        ? random.nextInt(64)
                                        : random.nextInt(
                                                3 * BufferedSeekableInputStream.BUFFER_SIZE);
                        len = (int) Math.min(len, content.length - pos);
                        byte[] got = new byte[len];
                        in.readFully(got, 0, len);
                        assertThat(got)
                                .isEqualTo(Arrays.copyOfRange(content, (int) pos, (int) pos + len));
                        assertThat(in.getPos()).isEqualTo(pos + len);
                }
            }
            in.seek(content.length - 2);
            assertThatThrownBy(() -> in.readFully(new byte[3], 0, 3))
                    .isInstanceOf(EOFException.class)
                    .hasMessageContaining("after 2 of 3 bytes");
        }
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
