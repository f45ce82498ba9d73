package io.tributary.pipelines.metrics.series;

import io.tributary.pipelines.metrics.sla.Sla;
import io.tributary.pipelines.metrics.sla.SlaRange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;

/**
 * The checkpointed form of the SLAs a series was checked against: a format version, then each SLA's
 * id, name, revision and ranges (a missing end written as NaN).
 */
@Internal
final class SlaListCodec {
    private static final int VERSION = 1;

    private SlaListCodec() {}

    static byte[] encode(List<Sla> slas) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeInt(slas.size());
            for (Sla sla : slas) {
                out.writeUTF(sla.id());
                out.writeUTF(sla.name());
                out.writeInt(sla.revision());
                out.writeInt(sla.metrics().size());
                for (Map.Entry<String, SlaRange> m : sla.metrics().entrySet()) {
                    out.writeUTF(m.getKey());
                    out.writeDouble(m.getValue().min() == null ? Double.NaN : m.getValue().min());
                    out.writeDouble(m.getValue().max() == null ? Double.NaN : m.getValue().max());
                }
            }
        }
        return bytes.toByteArray();
    }

    static List<Sla> decode(byte[] encoded) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(
                        "checked SLAs of format " + version + "; this version reads " + VERSION);
            }
            int n = in.readInt();
            List<Sla> slas = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                String name = in.readUTF();
                int revision = in.readInt();
                int metrics = in.readInt();
                Map<String, SlaRange> ranges = new LinkedHashMap<>();
                for (int j = 0; j < metrics; j++) {
                    String metric = in.readUTF();
                    double min = in.readDouble();
                    double max = in.readDouble();
                    ranges.put(
                            metric,
                            new SlaRange(
                                    Double.isNaN(min) ? null : min,
                                    Double.isNaN(max) ? null : max));
                }
                slas.add(new Sla(id, name, revision, ranges));
            }
            return List.copyOf(slas);
        }
    }
}
