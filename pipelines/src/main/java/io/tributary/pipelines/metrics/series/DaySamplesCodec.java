package io.tributary.pipelines.metrics.series;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.annotation.Internal;

/**
 * The checkpointed form of one series' samples of one UTC day: a format version, the count, then
 * each sample's time and value. Versioned so that a later layout can still read this one.
 */
@Internal
final class DaySamplesCodec {
    static final long DAY = 86_400_000L;
    private static final int VERSION = 1;

    private DaySamplesCodec() {}

    static long dayOf(long time) {
        return Math.floorDiv(time, DAY);
    }

    /** The day's samples of {@code samples}; null when it has none. */
    static byte[] encode(SeriesSamples samples, long day) throws IOException {
        long[] times = samples.rawTimes(day * DAY - 1, (day + 1) * DAY - 1);
        if (times.length == 0) {
            return null;
        }
        double[] values = samples.rawValues(day * DAY - 1, (day + 1) * DAY - 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + times.length * 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeInt(times.length);
            for (int i = 0; i < times.length; i++) {
                out.writeLong(times[i]);
                out.writeDouble(values[i]);
            }
        }
        return bytes.toByteArray();
    }

    static void decodeInto(byte[] encoded, SeriesSamples samples) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(
                        "metrics series state of format "
                                + version
                                + "; this version reads "
                                + VERSION);
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                samples.add(in.readLong(), in.readDouble());
            }
        }
    }
}
