package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.defaults.internal.parquet.ParquetStatsReader;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrittenFileTailTest {
    @TempDir Path dir;

    @Test
    void servesTheFooterOfWhatWasWrittenInChunksOfAnySize() throws IOException {
        byte[] footer = random(3_000, 1);
        byte[] file = concat(random(3 * WrittenFileTail.CAPACITY + 17, 2), footerEnd(footer));
        WrittenFileTail tail = writtenInRandomChunks(file);

        InputFile served = tail.footerFile("part-0.parquet").orElseThrow();

        assertThat(served.length()).isEqualTo(file.length);
        SeekableInputStream in = served.newStream();
        byte[] end = new byte[8];
        in.seek(file.length - 8);
        in.readFully(end, 0, 8);
        assertThat(end).isEqualTo(Arrays.copyOfRange(file, file.length - 8, file.length));
        byte[] read = new byte[footer.length];
        in.seek(file.length - 8 - footer.length);
        in.readFully(read, 0, read.length);
        assertThat(read).isEqualTo(footer);
        assertThatThrownBy(() -> in.seek(file.length - WrittenFileTail.CAPACITY - 1))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aFooterLargerThanWhatIsKeptIsLeftToTheFile() {
        byte[] file = footerEnd(random(WrittenFileTail.CAPACITY, 3));

        assertThat(writtenInRandomChunks(file).footerFile("big.parquet")).isEmpty();
    }

    @Test
    void bytesThatDoNotEndAParquetFileAreLeftToTheFile() {
        assertThat(writtenInRandomChunks(random(100, 4)).footerFile("not.parquet")).isEmpty();
        assertThat(writtenInRandomChunks(new byte[3]).footerFile("short.parquet")).isEmpty();
    }

    @Test
    void kernelReadsTheSameStatisticsFromTheTailAsFromTheFile() throws IOException {
        Path parquet = dir.resolve("part-0.parquet");
        MessageType schema =
                MessageTypeParser.parseMessageType(
                        "message m { required int64 id; optional binary name (STRING); }");
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer =
                ExampleParquetWriter.builder(new LocalOutputFile(parquet))
                        .withType(schema)
                        .build()) {
            for (int i = 0; i < 50_000; i++) {
                Group row = rows.newGroup().append("id", (long) (i * 7 % 50_001));
                if (i % 10 != 0) {
                    row.append("name", "name-" + (i % 997));
                }
                writer.write(row);
            }
        }
        byte[] file = Files.readAllBytes(parquet);
        StructType kernelSchema =
                new StructType().add("id", LongType.LONG, false).add("name", StringType.STRING);
        List<Column> columns = List.of(new Column("id"), new Column("name"));

        InputFile fromTail =
                writtenInRandomChunks(file).footerFile(parquet.toString()).orElseThrow();
        InputFile fromFile =
                new FlinkInputFile(new org.apache.flink.core.fs.Path(parquet.toUri()), file.length);

        assertThat(ParquetStatsReader.readDataFileStatistics(fromTail, kernelSchema, columns))
                .isEqualTo(
                        ParquetStatsReader.readDataFileStatistics(fromFile, kernelSchema, columns))
                .satisfies(stats -> assertThat(stats.getNumRecords()).isEqualTo(50_000));
    }

    private static WrittenFileTail writtenInRandomChunks(byte[] file) {
        WrittenFileTail tail = new WrittenFileTail();
        Random random = new Random(7);
        int at = 0;
        while (at < file.length) {
            if (random.nextInt(10) == 0) {
                tail.add(file[at++]);
                continue;
            }
            int len = Math.min(file.length - at, random.nextInt(2 * WrittenFileTail.CAPACITY) + 1);
            tail.add(file, at, len);
            at += len;
        }
        return tail;
    }

    /** {@code footer}, its length and Parquet's magic: how a Parquet file ends. */
    private static byte[] footerEnd(byte[] footer) {
        ByteBuffer end = ByteBuffer.allocate(footer.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        end.put(footer).putInt(footer.length).put("PAR1".getBytes(StandardCharsets.US_ASCII));
        return end.array();
    }

    private static byte[] random(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
