package io.tributary.pipelines.streams;

import io.tributary.formats.kinesis.KinesisRecord;
import io.tributary.pipelines.runtime.LineRows;
import io.tributary.pipelines.runtime.LiveTables;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Kafka records to {@link LineRows} (Kinesis records use {@link #row} too): never fails on a
 * record. One whose envelope cannot be opened becomes a row with the payload as its line and the
 * reason in {@code decode_error}, so that it lands in the rejects table with its topic, partition
 * and offset.
 */
@Internal
public final class LineRecordDeserializer implements KafkaRecordDeserializationSchema<RowData> {
    private static final long serialVersionUID = 1L;
    private static final Pattern TRAILING_NEWLINES = Pattern.compile("[\r\n]+$");
    private static final StringData ORIGIN = StringData.fromString(LiveTables.STREAM_ORIGIN);

    private final LineRecordFormat format;

    public LineRecordDeserializer(LineRecordFormat format) {
        this.format = format;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RowData> out) {
        out.collect(
                row(
                        record.value(),
                        StringData.fromString(
                                KafkaSources.sourceOf(record.topic(), record.partition())),
                        record.offset(),
                        format));
    }

    /**
     * The row of one stream record whatever carried it: its line, or its payload with the reason it
     * could not be opened in {@code decode_error}.
     */
    public static RowData row(
            byte[] value, StringData source, long position, LineRecordFormat format) {
        byte[] line = value == null ? new byte[0] : value;
        String error = null;
        if (format == LineRecordFormat.KINESIS_JSON) {
            try {
                line = KinesisRecord.decode(line).data();
            } catch (KinesisRecord.InvalidRecordException e) {
                error = e.getMessage();
            } catch (RuntimeException e) {
                // A decoder's blind spot is the record's fault: it goes to the rejects, the job
                // goes on.
                error = "cannot open the Kinesis record: " + e;
            }
        }
        if (error == null && hasLineBreak(line)) {
            error = "record holds more than one line";
        }
        return LineRows.of(StringData.fromString(utf8(line)), source, position, ORIGIN, error);
    }

    private static boolean hasLineBreak(byte[] line) {
        int end = line.length;
        while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
            end--; // a trailing newline is only a terminator
        }
        for (int i = 0; i < end; i++) {
            if (line[i] == '\n') {
                return true;
            }
        }
        return false;
    }

    private static String utf8(byte[] bytes) {
        String text;
        try {
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // REPLACE never throws
        }
        return TRAILING_NEWLINES.matcher(text).replaceAll("");
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return InternalTypeInfo.of(LineRows.ROW_TYPE);
    }
}
