package io.tributary.connector.delta.internal;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * The committer's lineage: the Delta transaction application id its commits carry, and the
 * checkpoint whose commit replaces the table's contents (a {@code replaceOnStart} sink's first
 * commit; {@link #NO_REPLACE} once it is done or for sinks that append).
 */
@Internal
public final class Lineage {
    public static final long NO_REPLACE = -1;

    private final String appId;
    private final long replaceCheckpoint;

    public Lineage(String appId, long replaceCheckpoint) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.replaceCheckpoint = replaceCheckpoint;
    }

    public String appId() {
        return appId;
    }

    public long replaceCheckpoint() {
        return replaceCheckpoint;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lineage
                && appId.equals(((Lineage) o).appId)
                && replaceCheckpoint == ((Lineage) o).replaceCheckpoint;
    }

    @Override
    public int hashCode() {
        return Objects.hash(appId, replaceCheckpoint);
    }

    @Override
    public String toString() {
        return "Lineage{" + appId + ", replace at " + replaceCheckpoint + "}";
    }

    /** Version 1: the application id, then the replace checkpoint. */
    public static final class Serializer implements SimpleVersionedSerializer<Lineage> {
        public static final Serializer INSTANCE = new Serializer();
        private static final int VERSION = 1;

        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(Lineage lineage) throws IOException {
            DataOutputSerializer out = new DataOutputSerializer(64);
            StateIO.writeString(out, lineage.appId);
            out.writeLong(lineage.replaceCheckpoint);
            return out.getCopyOfBuffer();
        }

        @Override
        public Lineage deserialize(int version, byte[] serialized) throws IOException {
            if (version != VERSION) {
                throw StateIO.unknownVersion("a Delta committer lineage", version, VERSION);
            }
            DataInputDeserializer in = new DataInputDeserializer(serialized);
            return new Lineage(StateIO.readString(in), in.readLong());
        }
    }
}
