package io.tributary.connector.delta.internal;

import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import java.util.Map;
import org.apache.flink.annotation.Internal;

/** Creates Kernel engines whose storage goes through Flink's file systems. */
@Internal
public final class DeltaEngines {
    private DeltaEngines() {}

    public static Engine create(Map<String, String> kernelConf) {
        return DefaultEngine.create(new FlinkFileIO(kernelConf));
    }

    /** Qualifies a user-given location (relative paths become absolute {@code file:} URIs). */
    public static String qualify(String location) {
        org.apache.flink.core.fs.Path path = new org.apache.flink.core.fs.Path(location);
        if (path.toUri().getScheme() == null) {
            return java.nio.file.Path.of(location)
                    .toAbsolutePath()
                    .normalize()
                    .toUri()
                    .toString()
                    .replaceAll("/$", "");
        }
        return location.replaceAll("/$", "");
    }
}
