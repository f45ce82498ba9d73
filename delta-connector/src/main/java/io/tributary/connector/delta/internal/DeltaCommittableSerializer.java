package io.tributary.connector.delta.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Committables in the committer's state and between writer and committer.
 *
 * <p>Version 1: a type byte (0 staged file, 1 row change), the checkpoint id; for a staged file its
 * path, size, modification time, record count, statistics JSON (nullable) and partition (count,
 * then name and nullable value pairs); for a row change its kind's ordinal, count and row bytes. A
 * new field means a new version; the old ones stay readable.
 */
@Internal
public final class DeltaCommittableSerializer
        implements SimpleVersionedSerializer<DeltaCommittable> {
    public static final DeltaCommittableSerializer INSTANCE = new DeltaCommittableSerializer();

    private static final int VERSION = 1;
    private static final byte STAGED_FILE = 0;
    private static final byte ROW_CHANGE = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(DeltaCommittable committable) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        if (committable instanceof StagedFile) {
            StagedFile file = (StagedFile) committable;
            out.writeByte(STAGED_FILE);
            out.writeLong(file.checkpointId());
            StateIO.writeString(out, file.path());
            out.writeLong(file.size());
            out.writeLong(file.modificationTime());
            out.writeLong(file.numRecords());
            StateIO.writeString(out, file.statsJson());
            out.writeInt(file.partition().size());
            for (Map.Entry<String, String> column : file.partition().entrySet()) {
                StateIO.writeString(out, column.getKey());
                StateIO.writeString(out, column.getValue());
            }
        } else {
            RowChange change = (RowChange) committable;
            out.writeByte(ROW_CHANGE);
            out.writeLong(change.checkpointId());
            out.writeByte(change.kind().ordinal());
            out.writeInt(change.count());
            StateIO.writeBytes(out, change.row());
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public DeltaCommittable deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw StateIO.unknownVersion("a Delta committable", version, VERSION);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        byte type = in.readByte();
        long checkpointId = in.readLong();
        switch (type) {
            case STAGED_FILE:
                String path = StateIO.readString(in);
                long size = in.readLong();
                long modificationTime = in.readLong();
                long numRecords = in.readLong();
                String stats = StateIO.readString(in);
                int columns = in.readInt();
                Map<String, String> partition = new LinkedHashMap<>();
                for (int i = 0; i < columns; i++) {
                    partition.put(StateIO.readString(in), StateIO.readString(in));
                }
                return new StagedFile(
                        checkpointId, path, size, modificationTime, numRecords, stats, partition);
            case ROW_CHANGE:
                RowChange.Kind kind = RowChange.Kind.values()[in.readByte()];
                int count = in.readInt();
                return new RowChange(checkpointId, kind, StateIO.readBytes(in), count);
            default:
                throw new IOException(
                        "Unrecognized Delta committable type " + type + ", or corrupt state");
        }
    }
}
