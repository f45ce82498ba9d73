package io.tributary.connector.delta.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.annotation.Nullable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The field encodings of the connector's versioned state: strings as a length and UTF-8 bytes (-1
 * for null), so a statistics JSON of any length fits, unlike {@code writeUTF}'s 64 KB.
 */
@Internal
public final class StateIO {
    private StateIO() {}

    public static void writeString(DataOutputView out, @Nullable String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Nullable
    public static String readString(DataInputView in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static void writeBytes(DataOutputView out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static byte[] readBytes(DataInputView in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }

    /** The exception for state written by a version this code does not know. */
    public static IOException unknownVersion(String what, int version, int known) {
        return new IOException(
                "Unrecognized version "
                        + version
                        + " of "
                        + what
                        + " (this code reads up to "
                        + known
                        + "), or corrupt state: was the checkpoint taken by a newer Tributary?");
    }
}
