package io.tributary.connector.delta.internal;

import java.net.URI;
import org.apache.flink.annotation.Internal;

/** Paths as the Delta log writes them. */
@Internal
public final class LogPaths {
    private LogPaths() {}

    /** Log paths are URI-encoded and relative to the table unless they carry a scheme. */
    public static String absolute(String tablePath, String logPath) {
        URI uri = URI.create(logPath);
        if (uri.getScheme() != null) {
            return logPath;
        }
        return tablePath.replaceAll("/+$", "") + "/" + uri.getPath();
    }
}
