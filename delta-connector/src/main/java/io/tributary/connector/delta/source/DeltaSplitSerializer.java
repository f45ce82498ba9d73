package io.tributary.connector.delta.source;

import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.util.InstantiationUtil;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;

/** Java serialization of splits and of the enumerator's remaining splits; both are small. */
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

    static final class Remaining implements SimpleVersionedSerializer<Collection<DeltaFileSplit>> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Collection<DeltaFileSplit> splits) throws IOException {
            return InstantiationUtil.serializeObject(new ArrayList<>(splits));
        }

        @Override
        public Collection<DeltaFileSplit> deserialize(int version, byte[] bytes) throws IOException {
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
