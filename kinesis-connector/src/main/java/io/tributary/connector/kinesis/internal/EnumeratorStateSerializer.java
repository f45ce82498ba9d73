package io.tributary.connector.kinesis.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The enumerator's checkpointed state. Version 1: finished shards, assigned shards, pending splits
 * (as {@link ShardSplitSerializer} writes them), first listing time.
 */
@Internal
public final class EnumeratorStateSerializer implements SimpleVersionedSerializer<EnumeratorState> {
    public static final EnumeratorStateSerializer INSTANCE = new EnumeratorStateSerializer();
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(EnumeratorState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeIds(state.finished, out);
            writeIds(state.assigned, out);
            out.writeInt(state.pending.size());
            for (ShardSplit split : state.pending) {
                ShardSplitSerializer.write(split, out);
            }
            out.writeLong(state.firstListedMillis);
        }
        return bytes.toByteArray();
    }

    @Override
    public EnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("Unknown Kinesis enumerator state version " + version);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            List<String> finished = readIds(in);
            List<String> assigned = readIds(in);
            int pendingCount = in.readInt();
            List<ShardSplit> pending = new ArrayList<>(pendingCount);
            for (int i = 0; i < pendingCount; i++) {
                pending.add(ShardSplitSerializer.read(in));
            }
            return new EnumeratorState(finished, assigned, pending, in.readLong());
        }
    }

    private static void writeIds(Collection<String> ids, DataOutputStream out) throws IOException {
        out.writeInt(ids.size());
        for (String id : ids) {
            out.writeUTF(id);
        }
    }

    private static List<String> readIds(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(in.readUTF());
        }
        return ids;
    }
}
