package io.tributary.udfs.weblogs;

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
        int end = endpoint.length();
        int i = end - 1;
        while (i >= 0 && isAsciiLetterOrDigit(endpoint.charAt(i))) {
            i--;
        }
        int extensionLength = end - 1 - i;
        return i >= 0
                && endpoint.charAt(i) == '.'
                && extensionLength >= 1
                && extensionLength <= MAX_EXTENSION_LENGTH;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
