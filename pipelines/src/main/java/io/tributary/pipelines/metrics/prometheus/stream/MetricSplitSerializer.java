package io.tributary.pipelines.metrics.prometheus.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** The checkpointed form of splits (version 1: metric, PromQL, read-until, stop-at). */
@Internal
public final class MetricSplitSerializer implements SimpleVersionedSerializer<MetricSplit> {
    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(MetricSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(split, out);
        }
        return bytes.toByteArray();
    }

    @Override
    public MetricSplit deserialize(int version, byte[] serialized) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return read(version, in);
        }
    }

    static void write(MetricSplit split, DataOutputStream out) throws IOException {
        out.writeUTF(split.metric());
        writeLong(out, split.promql());
        out.writeLong(split.readUntil());
        out.writeLong(split.stopAt());
    }

    static MetricSplit read(int version, DataInputStream in) throws IOException {
        if (version != VERSION) {
            throw new IOException(
                    "metric split of format " + version + "; this version reads " + VERSION);
        }
        String metric = in.readUTF();
        String promql = readLong(in);
        return new MetricSplit(metric, promql, in.readLong(), in.readLong());
    }

    /** PromQL may pass writeUTF's 64 KB. */
    private static void writeLong(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLong(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The enumerator's state: the splits not yet handed to a reader. */
    static final class Pending implements SimpleVersionedSerializer<List<MetricSplit>> {
        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(List<MetricSplit> splits) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(splits.size());
                for (MetricSplit split : splits) {
                    write(split, out);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public List<MetricSplit> deserialize(int version, byte[] serialized) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int n = in.readInt();
                List<MetricSplit> splits = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    splits.add(read(version, in));
                }
                return splits;
            }
        }
    }
}
