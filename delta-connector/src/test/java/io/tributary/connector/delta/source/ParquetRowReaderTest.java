package io.tributary.connector.delta.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.internal.FileRows;
import io.tributary.connector.delta.internal.FlinkParquetFile;
import io.tributary.connector.delta.internal.ParquetRowReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.binary.BinaryStringData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.DateType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.DoubleType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.SmallIntType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.types.RowKind;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The column-by-column reader against Kernel's Parquet reader, the reference: the same rows from
 * the same files, written with both Parquet page versions, dictionary and plain pages, several row
 * groups, nulls, Spark's INT96 timestamps, a column the file lacks and a partition value.
 */
class ParquetRowReaderTest {
    private static final MessageType FILE_SCHEMA =
            MessageTypeParser.parseMessageType(
                    "message spark_schema {"
                            + " optional boolean flag;"
                            + " optional int32 small (INTEGER(16,true));"
                            + " required int32 n;"
                            + " optional int64 big;"
                            + " optional double ratio;"
                            + " optional binary name (STRING);"
                            + " optional binary raw;"
                            + " optional int32 day (DATE);"
                            + " optional int64 at (TIMESTAMP(MICROS,true));"
                            + " optional int64 price (DECIMAL(12,2));"
                            + " optional fixed_len_byte_array(16) total (DECIMAL(38,4));"
                            + "}");

    /** The table's columns: the file's, a partition column, and one added after the file. */
    private static final RowType TABLE =
            RowType.of(
                    new LogicalType[] {
                        new BooleanType(),
                        new SmallIntType(),
                        new IntType(false),
                        new BigIntType(),
                        new DoubleType(),
                        VarCharType.STRING_TYPE,
                        new VarBinaryType(VarBinaryType.MAX_LENGTH),
                        new DateType(),
                        new LocalZonedTimestampType(6),
                        new DecimalType(12, 2),
                        new DecimalType(38, 4),
                        VarCharType.STRING_TYPE,
                        VarCharType.STRING_TYPE
                    },
                    new String[] {
                        "flag",
                        "small",
                        "n",
                        "big",
                        "ratio",
                        "name",
                        "raw",
                        "day",
                        "at",
                        "price",
                        "total",
                        "region",
                        "added_later"
                    });

    private static final int ROWS = 3_000;

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(WriterVersion.class)
    void readsWhatKernelReadsFromDictionaryAndPlainPages(WriterVersion version) throws IOException {
        for (boolean dictionary : new boolean[] {true, false}) {
            String path = write(FILE_SCHEMA, version, dictionary, this::row);

            assertThat(fast(path, TABLE))
                    .hasSize(ROWS)
                    .containsExactlyElementsOf(kernel(path, TABLE));
        }
    }

    @Test
    void readsAProjectionInAnyOrder() throws IOException {
        String path = write(FILE_SCHEMA, WriterVersion.PARQUET_1_0, true, this::row);
        RowType projected = project(TABLE, "region", "name", "n", "added_later", "at");

        List<RowData> rows = fast(path, projected);

        assertThat(rows).containsExactlyElementsOf(kernel(path, projected));
        assertThat(rows.get(7).getString(0).toString()).isEqualTo("eu-west");
        assertThat(rows.get(7).getInt(2)).isEqualTo(7);
        assertThat(rows.get(7).isNullAt(3)).isTrue();
    }

    @Test
    void aProjectionOfPartitionColumnsOnlyGivesARowPerRowOfTheFile() throws IOException {
        String path = write(FILE_SCHEMA, WriterVersion.PARQUET_1_0, true, this::row);

        List<RowData> rows = fast(path, project(TABLE, "region"));

        assertThat(rows).hasSize(ROWS).allMatch(r -> r.getString(0).toString().equals("eu-west"));
    }

    @Test
    void findsAColumnWrittenInAnotherCase() throws IOException {
        // Delta's column names ignore case: another writer may have spelled the column otherwise,
        // and reading it as "missing" would turn its values into NULLs.
        MessageType schema =
                MessageTypeParser.parseMessageType(
                        "message spark_schema { required int32 N; optional binary Name (STRING); }");
        String path =
                write(
                        schema,
                        WriterVersion.PARQUET_1_0,
                        true,
                        (g, i) -> {
                            g.add("N", i);
                            g.add("Name", "name-" + i);
                        });

        List<RowData> rows = fast(path, project(TABLE, "n", "name"));

        assertThat(rows).hasSize(ROWS);
        assertThat(rows.get(42).getInt(0)).isEqualTo(42);
        assertThat(rows.get(42).getString(1).toString()).isEqualTo("name-42");
    }

    @Test
    void readsSparksInt96TimestampsAsKernelDoes() throws IOException {
        MessageType schema =
                MessageTypeParser.parseMessageType(
                        "message spark_schema { required int32 n; optional int96 at; }");
        String path =
                write(
                        schema,
                        WriterVersion.PARQUET_1_0,
                        true,
                        (g, i) -> {
                            g.add("n", i);
                            if (i % 5 != 0) {
                                // 1970-01-01 is Julian day 2,440,588; some rows before it
                                g.add(
                                        "at",
                                        new NanoTime(2_440_000 + i, 3_600_000_000_123L * (i % 24)));
                            }
                        });
        RowType type = project(TABLE, "n", "at");

        assertThat(fast(path, type)).hasSize(ROWS).containsExactlyElementsOf(kernel(path, type));
    }

    @Test
    void refusesNestedColumnsSoThatKernelReadsThem() throws IOException {
        MessageType schema =
                MessageTypeParser.parseMessageType(
                        "message spark_schema { required int32 n;"
                                + " optional group tags (LIST) { repeated group list {"
                                + " optional binary element (STRING); } } }");
        String path = write(schema, WriterVersion.PARQUET_1_0, true, (g, i) -> g.add("n", i));
        RowType type =
                RowType.of(
                        new LogicalType[] {
                            new IntType(false),
                            new org.apache.flink.table.types.logical.ArrayType(
                                    VarCharType.STRING_TYPE)
                        },
                        new String[] {"n", "tags"});

        assertThat(
                        ParquetRowReader.open(
                                FlinkParquetFile.of(path, -1),
                                type,
                                new boolean[2],
                                new Object[2],
                                RowKind.INSERT))
                .isNull();
    }

    private void row(Group g, int i) {
        if (i % 7 != 3) {
            g.add("flag", i % 2 == 0);
            g.add("small", (i % 600) - 300);
            g.add("big", (long) i * 1_000_003L - 5_000_000L);
            g.add("ratio", i / 7.0);
            // few distinct values, so that the dictionary holds them all
            g.add("name", i % 11 == 0 ? "ünïcødé " + (i % 3) : "name-" + (i % 13));
            g.add("raw", Binary.fromConstantByteArray(new byte[] {(byte) i, 0, (byte) (i >> 8)}));
            g.add("day", 18_000 + i % 400);
            g.add("at", 1_600_000_000_000_000L + i * 1_234_567L);
            g.add("price", (long) (i * 101 - 70_000));
            g.add("total", Binary.fromConstantByteArray(unscaled16(i * 12_345_678_901L)));
        }
        g.add("n", i);
    }

    /** A big-endian two's-complement integer in 16 bytes, as Parquet stores wide decimals. */
    private static byte[] unscaled16(long value) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[15 - i] = i < 8 ? (byte) (value >> (8 * i)) : (byte) (value < 0 ? -1 : 0);
        }
        return bytes;
    }

    private interface RowFiller {
        void fill(Group group, int i);
    }

    private String write(MessageType schema, WriterVersion version, boolean dictionary, RowFiller f)
            throws IOException {
        Path file = dir.resolve(version + "-" + dictionary + "-" + schema.hashCode() + ".parquet");
        Configuration conf = new Configuration(false);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer =
                ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
                        .withConf(conf)
                        .withType(schema)
                        .withWriterVersion(version)
                        .withDictionaryEncoding(dictionary)
                        .withPageRowCountLimit(400)
                        .withRowGroupSize(16 * 1024)
                        .build()) {
            for (int i = 0; i < ROWS; i++) {
                Group g = groups.newGroup();
                f.fill(g, i);
                writer.write(g);
            }
        }
        return file.toUri().toString();
    }

    private static List<RowData> fast(String path, RowType type) throws IOException {
        boolean[] isConstant = isConstant(type);
        ParquetRowReader reader =
                ParquetRowReader.open(
                        FlinkParquetFile.of(path, -1),
                        type,
                        isConstant,
                        constants(type),
                        RowKind.INSERT);
        assertThat(reader).as("the file is one the reader maps").isNotNull();
        return drain(reader);
    }

    private static List<RowData> kernel(String path, RowType type) throws IOException {
        DeltaReadConfig config =
                new DeltaReadConfig("unused", type, List.of("region"), List.of(), Map.of());
        return drain(
                new KernelFileRows(
                        config,
                        path,
                        FlinkParquetFile.of(path, -1).getLength(),
                        isConstant(type),
                        constants(type),
                        RowKind.INSERT));
    }

    private static List<RowData> drain(FileRows rows) {
        List<RowData> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        assertThat(rows.hasNext()).isFalse();
        return all;
    }

    private static boolean[] isConstant(RowType type) {
        boolean[] constant = new boolean[type.getFieldCount()];
        for (int i = 0; i < constant.length; i++) {
            constant[i] = type.getFieldNames().get(i).equals("region");
        }
        return constant;
    }

    private static Object[] constants(RowType type) {
        Object[] values = new Object[type.getFieldCount()];
        for (int i = 0; i < values.length; i++) {
            if (type.getFieldNames().get(i).equals("region")) {
                values[i] = BinaryStringData.fromBytes("eu-west".getBytes(StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static RowType project(RowType type, String... names) {
        List<RowType.RowField> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(type.getFields().get(type.getFieldIndex(name)));
        }
        return new RowType(fields);
    }
}
