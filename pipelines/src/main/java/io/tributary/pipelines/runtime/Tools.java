package io.tributary.pipelines.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.flink.annotation.Internal;

/** The tools on the class path: every {@link ToolProvider} listed in {@code META-INF/services}. */
@Internal
public final class Tools {
    private Tools() {}

    /** Every tool found, by name. */
    public static List<ToolProvider> all() {
        List<ToolProvider> tools = new ArrayList<>();
        ServiceLoader.load(ToolProvider.class, Tools.class.getClassLoader()).forEach(tools::add);
        tools.sort(Comparator.comparing(ToolProvider::name));
        return tools;
    }
}
