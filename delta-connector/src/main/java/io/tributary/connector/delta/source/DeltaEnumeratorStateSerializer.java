package io.tributary.connector.delta.source;

import io.tributary.connector.delta.internal.StateIO;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * The enumerator's checkpoint. Version 1: the next table version, then the pending splits, each in
 * the version of the split serializer written before them.
 */
@Internal
final class DeltaEnumeratorStateSerializer
        implements SimpleVersionedSerializer<DeltaEnumeratorState> {
    private static final int VERSION = 1;

    private final DeltaFileSplitSerializer splits;

    DeltaEnumeratorStateSerializer(DeltaFileSplitSerializer splits) {
        this.splits = splits;
    }

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(DeltaEnumeratorState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeLong(state.nextVersion);
        out.writeInt(splits.getVersion());
        out.writeInt(state.pending.size());
        for (DeltaFileSplit split : state.pending) {
            splits.write(split, out);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public DeltaEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw StateIO.unknownVersion("a Delta source enumerator state", version, VERSION);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        long nextVersion = in.readLong();
        int splitVersion = in.readInt();
        int count = in.readInt();
        List<DeltaFileSplit> pending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pending.add(splits.read(splitVersion, in));
        }
        return new DeltaEnumeratorState(nextVersion, pending);
    }
}
