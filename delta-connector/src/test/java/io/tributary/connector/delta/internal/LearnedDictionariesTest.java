package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which columns a writer's next file writes without a dictionary, learned from real files. */
class LearnedDictionariesTest {
    private static final RowType TYPE =
            RowType.of(
                    new LogicalType[] {new BigIntType(), VarCharType.STRING_TYPE},
                    new String[] {"line_number", "status"});

    @TempDir Path dir;

    @Test
    void aColumnThatGaveUpItsDictionaryStartsTheNextFileWithoutOneAndTheFileIsTheSame()
            throws IOException {
        LearnedDictionaries dictionaries = new LearnedDictionaries();
        ParquetProperties first = dictionaries.nextFile();
        ParquetMetadata firstFooter = write("first", first, 0);
        dictionaries.learn(firstFooter, first);
        // Line numbers, all distinct, fell back to plain pages; the status kept its dictionary.
        assertThat(dictionaryUsed(firstFooter))
                .isEqualTo(Map.of("line_number", false, "status", true));

        ParquetProperties learned = dictionaries.nextFile();
        assertThat(learned.isDictionaryEnabled(descriptor("line_number"))).isFalse();
        assertThat(learned.isDictionaryEnabled(descriptor("status"))).isTrue();
        write("learned", learned, 10_000);
        write("tried", LearnedDictionaries.properties(Set.of()), 10_000);
        // Without the dictionary that would have been given up, the same bytes.
        assertThat(Files.readAllBytes(dir.resolve("learned.parquet")))
                .isEqualTo(Files.readAllBytes(dir.resolve("tried.parquet")));
    }

    @Test
    void aColumnWhoseValuesRepeatAgainGetsItsDictionaryBackAfterTheRetry() throws IOException {
        LearnedDictionaries dictionaries = new LearnedDictionaries();
        ParquetProperties first = dictionaries.nextFile();
        dictionaries.learn(write("unique", first, 0), first);
        ParquetProperties learned = dictionaries.nextFile();
        assertThat(learned.isDictionaryEnabled(descriptor("line_number"))).isFalse();

        // Files 2 … RETRY_EVERY - 1 without; the retry writes line numbers that repeat.
        for (int file = 2; file < LearnedDictionaries.RETRY_EVERY; file++) {
            dictionaries.nextFile();
        }
        ParquetProperties retry = dictionaries.nextFile();
        assertThat(retry.isDictionaryEnabled(descriptor("line_number"))).isTrue();
        dictionaries.learn(writeRepeating("repeating", retry), retry);
        ParquetProperties after = dictionaries.nextFile();
        assertThat(after.isDictionaryEnabled(descriptor("line_number"))).isTrue();
    }

    private ParquetMetadata write(String name, ParquetProperties properties, long first)
            throws IOException {
        ParquetRowWriter writer = writer(name, properties);
        for (long n = first; n < first + 5_000; n++) {
            writer.write(GenericRowData.of(n, StringData.fromString(n % 3 == 0 ? "4xx" : "2xx")));
        }
        writer.close();
        return writer.footer();
    }

    private ParquetMetadata writeRepeating(String name, ParquetProperties properties)
            throws IOException {
        ParquetRowWriter writer = writer(name, properties);
        for (long n = 0; n < 5_000; n++) {
            writer.write(GenericRowData.of(n % 4, StringData.fromString("2xx")));
        }
        writer.close();
        return writer.footer();
    }

    private ParquetRowWriter writer(String name, ParquetProperties properties) throws IOException {
        return new ParquetRowWriter(
                new LocalOutputFile(dir.resolve(name + ".parquet")),
                new RowColumns(TYPE, new int[] {0, 1}),
                properties,
                DeltaFileWriter.compressor(),
                128 << 20);
    }

    private static ColumnDescriptor descriptor(String column) {
        return ParquetSchemas.toParquet(TYPE, new int[] {0, 1})
                .getColumnDescription(new String[] {column});
    }

    private static Map<String, Boolean> dictionaryUsed(ParquetMetadata footer) {
        Map<String, Boolean> used = new TreeMap<>();
        for (ColumnChunkMetaData chunk : footer.getBlocks().get(0).getColumns()) {
            used.put(
                    chunk.getPath().toDotString(),
                    chunk.getEncodings().stream().anyMatch(Encoding::usesDictionary));
        }
        return used;
    }
}
