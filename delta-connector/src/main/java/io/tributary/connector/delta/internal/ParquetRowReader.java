package io.tributary.connector.delta.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.annotation.Nullable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads the rows of a Parquet data file with top-level primitive columns column by column into
 * Flink rows, without Kernel's column vectors in between.
 *
 * <p>Kernel's reader assembles a batch of column vectors record by record, and the source then
 * copied every value out of them — each string decoded into a Java {@code String} and encoded back.
 * Here each projected column's values go from Parquet's pages to the row through one {@link
 * ParquetValueConverter}; a column the file lacks (added to the table later) reads as null, and a
 * projection without file columns reads only the footer's row counts. Files with a column this
 * reader does not map (nested types, nanosecond timestamps, a type the file stores differently) are
 * refused by {@link #open} and read through Kernel instead.
 */
@Internal
public final class ParquetRowReader implements FileRows {
    private final ParquetFileReader file;
    private final MessageType requested;
    private final RowKind kind;
    private final Object[] constants;
    private final ColumnDescriptor[] columns;
    private final ParquetValueConverter[] converters;
    private final int[] positions;
    private final int[] maxDefinition;
    private final ColumnReader[] readers;
    private final GroupConverter root;
    private final Iterator<BlockMetaData> countsOnly;
    private long rowsLeftInGroup;
    private boolean closed;

    private ParquetRowReader(
            ParquetFileReader file,
            MessageType requested,
            RowKind kind,
            Object[] constants,
            ParquetValueConverter[] converters,
            int[] positions) {
        this.file = file;
        this.requested = requested;
        this.kind = kind;
        this.constants = constants;
        this.converters = converters;
        this.positions = positions;
        this.columns = requested.getColumns().toArray(new ColumnDescriptor[0]);
        this.maxDefinition = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            maxDefinition[i] = columns[i].getMaxDefinitionLevel();
        }
        this.readers = new ColumnReader[columns.length];
        this.root = new Root(converters);
        this.countsOnly = columns.length == 0 ? file.getRowGroups().iterator() : null;
    }

    /**
     * Opens {@code input} to produce rows of {@code produced}: the fields marked in {@code
     * isConstant} take the value at the same position of {@code constants} (partition values), the
     * others are read from the file's columns of the same name.
     *
     * @return null if a column cannot be read here; the file is then closed again
     */
    public static @Nullable ParquetRowReader open(
            FlinkParquetFile input,
            RowType produced,
            boolean[] isConstant,
            Object[] constants,
            RowKind kind)
            throws IOException {
        ParquetFileReader file =
                ParquetFileReader.open(
                        input,
                        HadoopReadOptions.builder(FlinkInputFile.parsedConfiguration()).build());
        boolean handedOver = false;
        try {
            MessageType schema = file.getFooter().getFileMetaData().getSchema();
            Object[] values = Arrays.copyOf(constants, constants.length);
            List<Type> fields = new ArrayList<>();
            List<ParquetValueConverter> converters = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < produced.getFieldCount(); i++) {
                if (isConstant[i]) {
                    continue;
                }
                Type field = fieldNamed(schema, produced.getFieldNames().get(i));
                if (field == null) {
                    values[i] = null; // written before the column was added
                    continue;
                }
                if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
                    return null;
                }
                ParquetValueConverter converter =
                        ParquetValueConverter.of(produced.getTypeAt(i), field.asPrimitiveType());
                if (converter == null) {
                    return null;
                }
                fields.add(field);
                converters.add(converter);
                positions.add(i);
            }
            MessageType requested = new MessageType(schema.getName(), fields);
            file.setRequestedSchema(requested);
            ParquetRowReader reader =
                    new ParquetRowReader(
                            file,
                            requested,
                            kind,
                            values,
                            converters.toArray(new ParquetValueConverter[0]),
                            positions.stream().mapToInt(Integer::intValue).toArray());
            handedOver = true;
            return reader;
        } finally {
            if (!handedOver) {
                file.close();
            }
        }
    }

    /** The field of that name, or of that name in another case (Delta's names ignore case). */
    private static @Nullable Type fieldNamed(MessageType schema, String name) {
        if (schema.containsField(name)) {
            return schema.getType(name);
        }
        for (Type field : schema.getFields()) {
            if (field.getName().equalsIgnoreCase(name)) {
                return field;
            }
        }
        return null;
    }

    @Override
    public boolean hasNext() {
        while (rowsLeftInGroup == 0) {
            if (closed || !nextRowGroup()) {
                return false;
            }
        }
        return true;
    }

    private boolean nextRowGroup() {
        try {
            if (countsOnly != null) {
                if (!countsOnly.hasNext()) {
                    close();
                    return false;
                }
                rowsLeftInGroup = countsOnly.next().getRowCount();
                return true;
            }
            PageReadStore pages = file.readNextRowGroup();
            if (pages == null) {
                close();
                return false;
            }
            rowsLeftInGroup = pages.getRowCount();
            ColumnReadStoreImpl store =
                    new ColumnReadStoreImpl(
                            pages,
                            root,
                            requested,
                            file.getFooter().getFileMetaData().getCreatedBy());
            for (int i = 0; i < columns.length; i++) {
                readers[i] = store.getColumnReader(columns[i]);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Parquet file " + file.getFile(), e);
        }
    }

    @Override
    public RowData next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        GenericRowData row = new GenericRowData(kind, constants.length);
        for (int i = 0; i < constants.length; i++) {
            row.setField(i, constants[i]);
        }
        for (int i = 0; i < readers.length; i++) {
            ColumnReader reader = readers[i];
            Object value = null;
            if (reader.getCurrentDefinitionLevel() == maxDefinition[i]) {
                reader.writeCurrentValueToConverter();
                value = converters[i].value;
            }
            reader.consume();
            row.setField(positions[i], value);
        }
        rowsLeftInGroup--;
        return row;
    }

    /** Releases the file early; exhausting the reader does the same. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        rowsLeftInGroup = 0;
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands Parquet the converter of each requested column, by its index in the request. */
    private static final class Root extends GroupConverter {
        private final ParquetValueConverter[] converters;

        Root(ParquetValueConverter[] converters) {
            this.converters = converters;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return converters[fieldIndex];
        }

        @Override
        public void start() {}

        @Override
        public void end() {}
    }
}
