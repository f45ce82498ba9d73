package io.tributary.connector.delta.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;

/**
 * Which columns of a writer's next file start with a Parquet dictionary, learned from the files it
 * closed. parquet-mr builds a dictionary for every column and gives it up when it does not pay; for
 * a timestamp, a line number or a byte count nearly every value is new, and the hashing, the
 * growing tables and the re-encoding are wasted: a 10 M-line web-log backfill ran a tenth faster
 * without them (docs/benchmarks.md, "Session 22"). A column whose dictionary was given up in a
 * closed file starts the next files without one: the plain pages parquet-mr falls back to, byte for
 * byte when it gives up at the first page, as it does in a file of a day's partition. Every {@value
 * #RETRY_EVERY}th file tries every dictionary again, so a column whose values start to repeat gets
 * its dictionary back.
 *
 * <p>One per writer, used by its thread only.
 */
@Internal
final class LearnedDictionaries {
    static final int RETRY_EVERY = 16;

    private final Set<String> withoutDictionary = new HashSet<>();
    private final Map<Set<String>, ParquetProperties> properties = new HashMap<>();
    private long files;

    /** The settings of the next file. */
    ParquetProperties nextFile() {
        Set<String> choice = files++ % RETRY_EVERY == 0 ? Set.of() : Set.copyOf(withoutDictionary);
        return properties.computeIfAbsent(choice, LearnedDictionaries::properties);
    }

    /**
     * Learns from a closed file: which columns kept a dictionary, and which gave it up. A column
     * written without one tells nothing.
     */
    void learn(ParquetMetadata footer, ParquetProperties writtenWith) {
        MessageType schema = footer.getFileMetaData().getSchema();
        for (BlockMetaData group : footer.getBlocks()) {
            for (ColumnChunkMetaData chunk : group.getColumns()) {
                String column = chunk.getPath().toDotString();
                if (chunk.getEncodings().stream().anyMatch(Encoding::usesDictionary)) {
                    withoutDictionary.remove(column);
                } else if (writtenWith.isDictionaryEnabled(
                        schema.getColumnDescription(chunk.getPath().toArray()))) {
                    withoutDictionary.add(column);
                }
            }
        }
    }

    /**
     * Parquet's defaults, with dictionaries and version 1 pages as Spark and Kernel write. With a
     * values-writer factory of their own ({@link V1ValuesWriters}): parquet-mr's default factories
     * are objects shared by all properties in the JVM, and write with the settings of whichever
     * properties were built last (another library's, in the same JVM).
     */
    static ParquetProperties properties(Set<String> withoutDictionary) {
        ParquetProperties.Builder builder =
                ParquetProperties.builder()
                        .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                        .withDictionaryEncoding(true)
                        .withValuesWriterFactory(new V1ValuesWriters());
        withoutDictionary.forEach(column -> builder.withDictionaryEncoding(column, false));
        return builder.build();
    }
}
