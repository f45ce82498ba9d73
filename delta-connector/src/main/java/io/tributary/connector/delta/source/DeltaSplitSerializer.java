package io.tributary.connector.delta.source;

import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.util.InstantiationUtil;

import java.io.IOException;

/** Java serialization of splits and of the enumerator's state; both are small. */
@Internal
final class DeltaSplitSerializer {
    private DeltaSplitSerializer() {}

    static final class Split implements SimpleVersionedSerializer<DeltaFileSplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(DeltaFileSplit split) throws IOException {
            return InstantiationUtil.serializeObject(split);
        }

        @Override
        public DeltaFileSplit deserialize(int version, byte[] bytes) throws IOException {
            return deserializeAs(bytes);
        }
    }

    static final class State implements SimpleVersionedSerializer<DeltaEnumeratorState> {
        @Override
        public int getVersion() {
            return 2;
        }

        @Override
        public byte[] serialize(DeltaEnumeratorState state) throws IOException {
            return InstantiationUtil.serializeObject(state);
        }

        @Override
        public DeltaEnumeratorState deserialize(int version, byte[] bytes) throws IOException {
            if (version == 1) {
                // Bounded sources of 0.1 checkpointed the remaining splits alone.
                java.util.List<DeltaFileSplit> remaining = deserializeAs(bytes);
                return new DeltaEnumeratorState(Long.MAX_VALUE, remaining);
            }
            return deserializeAs(bytes);
        }
    }

    private static <T> T deserializeAs(byte[] bytes) throws IOException {
        try {
            return InstantiationUtil.deserializeObject(bytes, DeltaSplitSerializer.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }
}
