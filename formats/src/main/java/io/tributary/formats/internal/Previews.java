package io.tributary.formats.internal;

import java.nio.charset.StandardCharsets;
import org.apache.flink.annotation.Internal;

/** The start of an undecodable message, for error messages. */
@Internal
public final class Previews {
    private static final int MAX = 200;

    private Previews() {}

    public static String of(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        return text.length() <= MAX ? text : text.substring(0, MAX) + "...";
    }
}
