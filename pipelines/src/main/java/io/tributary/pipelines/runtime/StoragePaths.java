package io.tributary.pipelines.runtime;

import org.apache.flink.annotation.Internal;

/**
 * Joins locations as users write them: a root given with or without a trailing slash names the same
 * folder.
 */
@Internal
public final class StoragePaths {
    private StoragePaths() {}

    public static String join(String root, String... parts) {
        StringBuilder path = new StringBuilder(root.replaceAll("/+$", ""));
        for (String part : parts) {
            path.append('/').append(part);
        }
        return path.toString();
    }
}
