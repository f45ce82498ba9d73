package io.tributary.connector.delta.source;

import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.util.InstantiationUtil;

import java.io.IOException;
import java.io.Serializable;

/** Java serialization of splits and of the enumerator's state; both are small. */
@Internal
final class DeltaSplitSerializer<T extends Serializable> implements SimpleVersionedSerializer<T> {
    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(T value) throws IOException {
        return InstantiationUtil.serializeObject(value);
    }

    @Override
    public T deserialize(int version, byte[] bytes) throws IOException {
        try {
            return InstantiationUtil.deserializeObject(bytes, DeltaSplitSerializer.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }
}
