package io.tributary.udfs.weblogs;

import java.nio.charset.StandardCharsets;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Tells endpoints that name a file (an image, a script, a feed …) from application endpoints.
 *
 * <p>An endpoint represents a file when its last path segment ends with an extension: a dot
 * followed by one to eight ASCII letters or digits ({@code /a/b.png}, {@code /feed.xml}). A
 * trailing slash, a dot with nothing after it, or a longer suffix is not an extension.
 */
@PublicEvolving
public final class EndpointClassifier {
    static final int MAX_EXTENSION_LENGTH = 8;

    private EndpointClassifier() {}

    public static boolean isFile(String endpoint) {
        if (endpoint == null) {
            return false;
        }
        byte[] utf8 = endpoint.getBytes(StandardCharsets.UTF_8);
        return isFile(utf8, 0, utf8.length);
    }

    /** Whether the UTF-8 endpoint {@code endpoint[from, to)} names a file. */
    @Internal
    public static boolean isFile(byte[] endpoint, int from, int to) {
        int i = to - 1;
        while (i >= from && isAsciiLetterOrDigit(endpoint[i])) {
            i--;
        }
        int extensionLength = to - 1 - i;
        return i >= from
                && endpoint[i] == '.'
                && extensionLength >= 1
                && extensionLength <= MAX_EXTENSION_LENGTH;
    }

    private static boolean isAsciiLetterOrDigit(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
