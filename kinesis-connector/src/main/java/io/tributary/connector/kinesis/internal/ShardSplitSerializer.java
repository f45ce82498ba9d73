package io.tributary.connector.kinesis.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Shard splits in checkpoints. Version 1: shard, parents, iterator type and argument, stop time.
 */
@Internal
public final class ShardSplitSerializer implements SimpleVersionedSerializer<ShardSplit> {
    public static final ShardSplitSerializer INSTANCE = new ShardSplitSerializer();
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(ShardSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(split, out);
        }
        return bytes.toByteArray();
    }

    @Override
    public ShardSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("Unknown Kinesis shard split version " + version);
        }
        try (DataInputStream in =
                new DataInputStream(new java.io.ByteArrayInputStream(serialized))) {
            return read(in);
        }
    }

    static void write(ShardSplit split, DataOutput out) throws IOException {
        out.writeUTF(split.shardId());
        out.writeInt(split.parentShardIds().size());
        for (String parent : split.parentShardIds()) {
            out.writeUTF(parent);
        }
        StartingPosition position = split.startingPosition();
        out.writeUTF(position.type().toString());
        out.writeBoolean(position.sequenceNumber() != null);
        if (position.sequenceNumber() != null) {
            out.writeUTF(position.sequenceNumber());
        }
        out.writeLong(position.timestampMillis());
        out.writeLong(split.stopAfterMillis());
    }

    static ShardSplit read(DataInput in) throws IOException {
        String shardId = in.readUTF();
        int parents = in.readInt();
        List<String> parentShardIds = new ArrayList<>(parents);
        for (int i = 0; i < parents; i++) {
            parentShardIds.add(in.readUTF());
        }
        ShardIteratorType type = ShardIteratorType.fromValue(in.readUTF());
        String sequenceNumber = in.readBoolean() ? in.readUTF() : null;
        long timestamp = in.readLong();
        return new ShardSplit(
                shardId,
                parentShardIds,
                StartingPosition.of(type, sequenceNumber, timestamp),
                in.readLong());
    }
}
