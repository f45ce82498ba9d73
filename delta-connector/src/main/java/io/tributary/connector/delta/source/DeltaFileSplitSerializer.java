package io.tributary.connector.delta.source;

import io.tributary.connector.delta.internal.StateIO;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.RowKind;

/**
 * Splits as the source checkpoints them: the file, not what is read from it. The read configuration
 * (table, projected type, filters) is the source's, given to every split this serializer restores;
 * so a savepoint restores into a job whose query changed.
 *
 * <p>Version 1: path, size, rows to skip, the row kind's byte, then the partition (count, then name
 * and nullable value pairs).
 */
@Internal
final class DeltaFileSplitSerializer implements SimpleVersionedSerializer<DeltaFileSplit> {
    private static final int VERSION = 1;

    private final DeltaReadConfig config;

    DeltaFileSplitSerializer(DeltaReadConfig config) {
        this.config = config;
    }

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(DeltaFileSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public DeltaFileSplit deserialize(int version, byte[] serialized) throws IOException {
        return read(version, new DataInputDeserializer(serialized));
    }

    void write(DeltaFileSplit split, DataOutputView out) throws IOException {
        StateIO.writeString(out, split.path);
        out.writeLong(split.size);
        out.writeLong(split.rowsToSkip);
        out.writeByte(split.kind.toByteValue());
        out.writeInt(split.partitionValues.size());
        for (Map.Entry<String, String> column : split.partitionValues.entrySet()) {
            StateIO.writeString(out, column.getKey());
            StateIO.writeString(out, column.getValue());
        }
    }

    DeltaFileSplit read(int version, DataInputView in) throws IOException {
        if (version != VERSION) {
            throw StateIO.unknownVersion("a Delta source split", version, VERSION);
        }
        String path = StateIO.readString(in);
        long size = in.readLong();
        long rowsToSkip = in.readLong();
        RowKind kind = RowKind.fromByteValue(in.readByte());
        int columns = in.readInt();
        Map<String, String> partition = new LinkedHashMap<>();
        for (int i = 0; i < columns; i++) {
            partition.put(StateIO.readString(in), StateIO.readString(in));
        }
        return new DeltaFileSplit(config, path, size, partition, rowsToSkip, kind);
    }
}
