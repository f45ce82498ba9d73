package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.DateType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.DoubleType;
import org.apache.flink.table.types.logical.FloatType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.SmallIntType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.TinyIntType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.example.GroupWriteSupport;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The row writer against parquet-mr's own record writer ({@code ParquetWriter} over example {@link
 * Group}s) on the same rows and settings: every type the connector maps, nulls, lists, strings that
 * keep a dictionary and strings that overflow it.
 */
class ParquetRowWriterTest {
    private static final RowType TYPE =
            RowType.of(
                    new LogicalType[] {
                        new BooleanType(),
                        new TinyIntType(),
                        new SmallIntType(),
                        new IntType(),
                        new BigIntType(false),
                        new FloatType(),
                        new DoubleType(),
                        VarCharType.STRING_TYPE,
                        VarCharType.STRING_TYPE,
                        new VarBinaryType(VarBinaryType.MAX_LENGTH),
                        new DecimalType(7, 2),
                        new DecimalType(15, 3),
                        new DecimalType(30, 4),
                        new DateType(),
                        new TimestampType(6),
                        new LocalZonedTimestampType(6),
                        new ArrayType(VarCharType.STRING_TYPE),
                        new ArrayType(new IntType(false))
                    },
                    new String[] {
                        "flag",
                        "tiny",
                        "small",
                        "n",
                        "id",
                        "f",
                        "d",
                        "status",
                        "line",
                        "raw",
                        "price",
                        "amount",
                        "big",
                        "day",
                        "local_ts",
                        "ts",
                        "tags",
                        "ranks"
                    });

    private static final int[] ALL = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};

    @TempDir Path dir;

    @Test
    void aFileIsByteForByteWhatParquetMrsRecordWriterWrites() throws IOException {
        List<RowData> rows = rows(20_000, 1);
        // Another library's settings, built last: parquet-mr's shared values-writer factories
        // would write the next file without dictionaries.
        ParquetProperties.builder().withDictionaryEncoding(false).build();
        Path ours = writeOurs(rows, 128 << 20);
        Path reference = writeReference(rows, 128 << 20);

        assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(reference));
        // The line column outgrew its dictionary and fell back to plain pages; the status column
        // kept one: both ways of encoding are in the comparison.
        try (ParquetFileReader file = ParquetFileReader.open(new LocalInputFile(ours))) {
            List<ColumnChunkMetaData> chunks = file.getRowGroups().get(0).getColumns();
            assertThat(chunks.get(7).getEncodings()).anyMatch(Encoding::usesDictionary);
            assertThat(chunks.get(8).getEncodings()).noneMatch(Encoding::usesDictionary);
        }
    }

    @Test
    void rowGroupsEndNearTheirSizeAndHoldEveryRow() throws IOException {
        List<RowData> rows = rows(20_000, 2);
        long groupSize = 256 << 10;
        Path ours = writeOurs(rows, groupSize);
        Path reference = writeReference(rows, 128 << 20);

        try (ParquetFileReader file = ParquetFileReader.open(new LocalInputFile(ours))) {
            assertThat(file.getRowGroups()).hasSizeGreaterThan(3);
            file.getRowGroups()
                    .forEach(g -> assertThat(g.getTotalByteSize()).isLessThan(groupSize * 2));
        }
        assertThat(read(ours)).isEqualTo(read(reference));
    }

    @Test
    void aNullInANotNullColumnIsRefusedNamingTheColumn() throws IOException {
        GenericRowData row = (GenericRowData) rows(1, 3).get(0);
        row.setField(4, null);
        ParquetRowWriter writer = writer(dir.resolve("refused.parquet"), 128 << 20);

        assertThatThrownBy(() -> writer.write(row))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Column id is NOT NULL");
    }

    @Test
    void filesWrittenAtOnceWithOneCompressorAreEachWhatParquetMrsRecordWriterWrites()
            throws IOException {
        List<RowData> first = rows(20_000, 5);
        List<RowData> second = rows(15_000, 6);
        SharedCompressor compressor = DeltaFileWriter.compressor();
        ParquetRowWriter a = writer(dir.resolve("a.parquet"), 128 << 20, compressor);
        ParquetRowWriter b = writer(dir.resolve("b.parquet"), 128 << 20, compressor);
        assertThat(compressor.users()).isEqualTo(2);
        // Row by row in turn: each file's pages (several per column) are compressed in between the
        // other's.
        for (int i = 0; i < first.size(); i++) {
            a.write(first.get(i));
            if (i < second.size()) {
                b.write(second.get(i));
            }
        }
        b.close();
        assertThat(compressor.users()).isEqualTo(1);
        a.close();

        assertThat(compressor.users()).as("returned to Hadoop's pool").isZero();
        assertThat(Files.readAllBytes(dir.resolve("a.parquet")))
                .isEqualTo(Files.readAllBytes(writeReference("ref-a", first, 128 << 20)));
        assertThat(Files.readAllBytes(dir.resolve("b.parquet")))
                .isEqualTo(Files.readAllBytes(writeReference("ref-b", second, 128 << 20)));
    }

    @Test
    void aFailedCloseReleasesTheStreamAndAnAbortAfterItDoesNothing() throws IOException {
        FailingFile out = new FailingFile();
        SharedCompressor compressor = DeltaFileWriter.compressor();
        ParquetRowWriter writer =
                new ParquetRowWriter(
                        out,
                        new RowColumns(TYPE, ALL),
                        LearnedDictionaries.properties(Set.of()),
                        compressor,
                        128 << 20);
        for (RowData row : rows(100, 4)) {
            writer.write(row);
        }
        out.failing = true;

        assertThatThrownBy(writer::close).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(out.closed).as("the stream of a file that failed is closed").isTrue();
        out.failing = false;
        writer.close(); // what DeltaFileWriter.abort does next: no second attempt, no error
        assertThat(out.written).as("nothing written after the failure").isEqualTo(out.failedAt);
        assertThat(compressor.users()).as("the compressor released once").isZero();
    }

    /** A file whose writes fail once {@link #failing} is set, remembering its close. */
    private static final class FailingFile implements OutputFile {
        boolean failing;
        boolean closed;
        long written;
        long failedAt = -1;

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return written;
                }

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (failing) {
                        failedAt = written;
                        throw new IOException("disk full");
                    }
                    written += len;
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return "failing.parquet";
        }
    }

    private Path writeOurs(List<RowData> rows, long rowGroupSize) throws IOException {
        Path path = dir.resolve("ours-" + rowGroupSize + ".parquet");
        ParquetRowWriter writer = writer(path, rowGroupSize);
        for (RowData row : rows) {
            writer.write(row);
        }
        writer.close();
        return path;
    }

    private static ParquetRowWriter writer(Path path, long rowGroupSize) throws IOException {
        return writer(path, rowGroupSize, DeltaFileWriter.compressor());
    }

    private static ParquetRowWriter writer(
            Path path, long rowGroupSize, SharedCompressor compressor) throws IOException {
        return new ParquetRowWriter(
                new LocalOutputFile(path),
                new RowColumns(TYPE, ALL),
                LearnedDictionaries.properties(Set.of()),
                compressor,
                rowGroupSize);
    }

    private Path writeReference(List<RowData> rows, long rowGroupSize) throws IOException {
        return writeReference("reference-" + rowGroupSize, rows, rowGroupSize);
    }

    private Path writeReference(String name, List<RowData> rows, long rowGroupSize)
            throws IOException {
        Path path = dir.resolve(name + ".parquet");
        MessageType schema = ParquetSchemas.toParquet(TYPE, ALL);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer =
                new GroupWriter(new LocalOutputFile(path), schema)
                        .withConf(new org.apache.hadoop.conf.Configuration(false))
                        .withCompressionCodec(CompressionCodecName.SNAPPY)
                        .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                        .withDictionaryEncoding(true)
                        .withRowGroupSize(rowGroupSize)
                        .build()) {
            for (RowData row : rows) {
                writer.write(group(groups.newGroup(), row));
            }
        }
        return path;
    }

    /**
     * parquet-mr's example writer, without the object model's name it would put in the footer (the
     * connector's files name none).
     */
    private static final class GroupWriter extends ParquetWriter.Builder<Group, GroupWriter> {
        private final MessageType schema;

        GroupWriter(LocalOutputFile file, MessageType schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected GroupWriter self() {
            return this;
        }

        @Override
        protected WriteSupport<Group> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            GroupWriteSupport.setSchema(schema, conf);
            return new GroupWriteSupport() {
                @Override
                public String getName() {
                    return null;
                }
            };
        }
    }

    private static List<String> read(Path path) throws IOException {
        List<String> records = new ArrayList<>();
        try (ParquetReader<Group> reader =
                ParquetReader.builder(
                                new GroupReadSupport(), new org.apache.hadoop.fs.Path(path.toUri()))
                        .withConf(new org.apache.hadoop.conf.Configuration(false))
                        .build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                records.add(g.toString());
            }
        }
        return records;
    }

    /** The row as parquet-mr's example model spells it: a field left out is a null. */
    private static Group group(Group g, RowData r) {
        if (!r.isNullAt(0)) g.add("flag", r.getBoolean(0));
        if (!r.isNullAt(1)) g.add("tiny", (int) r.getByte(1));
        if (!r.isNullAt(2)) g.add("small", (int) r.getShort(2));
        if (!r.isNullAt(3)) g.add("n", r.getInt(3));
        g.add("id", r.getLong(4));
        if (!r.isNullAt(5)) g.add("f", r.getFloat(5));
        if (!r.isNullAt(6)) g.add("d", r.getDouble(6));
        if (!r.isNullAt(7)) g.add("status", Binary.fromString(r.getString(7).toString()));
        if (!r.isNullAt(8)) g.add("line", Binary.fromString(r.getString(8).toString()));
        if (!r.isNullAt(9)) g.add("raw", Binary.fromConstantByteArray(r.getBinary(9)));
        if (!r.isNullAt(10)) g.add("price", (int) r.getDecimal(10, 7, 2).toUnscaledLong());
        if (!r.isNullAt(11)) g.add("amount", r.getDecimal(11, 15, 3).toUnscaledLong());
        if (!r.isNullAt(12)) {
            g.add(
                    "big",
                    Binary.fromConstantByteArray(
                            RowColumns.fixedLength(r.getDecimal(12, 30, 4), 13)));
        }
        if (!r.isNullAt(13)) g.add("day", r.getInt(13));
        if (!r.isNullAt(14)) g.add("local_ts", TimeConversions.toMicros(r.getTimestamp(14, 6)));
        if (!r.isNullAt(15)) g.add("ts", TimeConversions.toMicros(r.getTimestamp(15, 6)));
        if (!r.isNullAt(16)) {
            ArrayData tags = r.getArray(16);
            Group list = g.addGroup("tags");
            for (int i = 0; i < tags.size(); i++) {
                Group entry = list.addGroup("list");
                if (!tags.isNullAt(i)) {
                    entry.add("element", Binary.fromString(tags.getString(i).toString()));
                }
            }
        }
        if (!r.isNullAt(17)) {
            ArrayData ranks = r.getArray(17);
            Group list = g.addGroup("ranks");
            for (int i = 0; i < ranks.size(); i++) {
                list.addGroup("list").add("element", ranks.getInt(i));
            }
        }
        return g;
    }

    /**
     * Seeded rows: a tenth of each nullable value null, a status of five values (a dictionary that
     * lasts), a unique line of about 100 bytes (one that does not), lists null, empty, or with null
     * elements.
     */
    private static List<RowData> rows(int count, long seed) {
        Random random = new Random(seed);
        List<RowData> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object[] v = new Object[ALL.length];
            v[0] = random.nextBoolean();
            v[1] = (byte) random.nextInt();
            v[2] = (short) random.nextInt();
            v[3] = random.nextInt(1000);
            v[4] = (long) i * 7919;
            v[5] = random.nextFloat() * 100;
            v[6] = random.nextGaussian() * 1e6;
            v[7] = StringData.fromString(new String[] {"2xx", "3xx", "4xx", "5xx", "ünï"}[i % 5]);
            v[8] =
                    StringData.fromString(
                            "GET /path/"
                                    + random.nextLong()
                                    + " HTTP/1.1 "
                                    + i
                                    + " ".repeat(random.nextInt(60)));
            v[9] = new byte[] {(byte) i, (byte) (i >> 8), (byte) random.nextInt()};
            v[10] =
                    DecimalData.fromBigDecimal(
                            BigDecimal.valueOf(random.nextInt(9_999_999), 2), 7, 2);
            v[11] =
                    DecimalData.fromBigDecimal(
                            BigDecimal.valueOf(random.nextLong() % 999_999_999_999_999L, 3), 15, 3);
            v[12] =
                    DecimalData.fromBigDecimal(
                            new BigDecimal(random.nextLong() + "" + Math.abs(random.nextLong()))
                                    .movePointLeft(4),
                            30,
                            4);
            v[13] = 19_000 + random.nextInt(400);
            v[14] =
                    TimestampData.fromEpochMillis(
                            1_700_000_000_000L + random.nextInt(), random.nextInt(1000) * 1000);
            v[15] = TimestampData.fromEpochMillis(1_700_000_000_000L - random.nextInt());
            int tags = random.nextInt(4);
            StringData[] t = new StringData[tags];
            for (int j = 0; j < tags; j++) {
                t[j] =
                        random.nextInt(5) == 0
                                ? null
                                : StringData.fromString("tag" + random.nextInt(30));
            }
            v[16] = new GenericArrayData(t);
            v[17] = new GenericArrayData(new int[] {random.nextInt(10), random.nextInt(10)});
            for (int f = 0; f < v.length; f++) {
                if (f != 4 && random.nextInt(10) == 0) {
                    v[f] = null;
                }
            }
            if (random.nextInt(10) == 0) {
                v[17] = new GenericArrayData(new int[0]);
            }
            rows.add(GenericRowData.of(v));
        }
        return rows;
    }
}
