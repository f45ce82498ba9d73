package io.tributary.connector.delta.internal;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.io.SimpleVersionedSerializerTypeSerializerProxy;

/** The stream between writers and committer carries committables in their versioned form. */
@Internal
public final class DeltaCommittableTypeInfo extends TypeInformation<DeltaCommittable> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<DeltaCommittable> getTypeClass() {
        return DeltaCommittable.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<DeltaCommittable> createSerializer(SerializerConfig config) {
        return new SimpleVersionedSerializerTypeSerializerProxy<>(
                () -> DeltaCommittableSerializer.INSTANCE);
    }

    @Override
    @Deprecated
    public TypeSerializer<DeltaCommittable> createSerializer(ExecutionConfig config) {
        return createSerializer(config.getSerializerConfig());
    }

    @Override
    public String toString() {
        return "DeltaCommittable (versioned)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeltaCommittableTypeInfo;
    }

    @Override
    public int hashCode() {
        return DeltaCommittableTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof DeltaCommittableTypeInfo;
    }
}
