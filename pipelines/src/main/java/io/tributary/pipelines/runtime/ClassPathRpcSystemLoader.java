package io.tributary.pipelines.runtime;

import java.util.ServiceLoader;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.runtime.rpc.RpcSystemLoader;
import org.apache.flink.runtime.rpc.exceptions.RpcLoaderException;

/**
 * Loads Flink's Pekko RPC system from the class path when the launcher put it there ({@code
 * bin/tributary} adds the {@code flink-rpc-akka.jar} the build unpacks), ahead of Flink's own
 * loader.
 *
 * <p>Flink's loader copies that 21 MB jar out of {@code flink-rpc-akka-loader} into a temporary
 * file at every start and loads Pekko from it in a class loader of its own, which no class-data
 * archive can hold: each command loaded and verified those classes again while its embedded cluster
 * started (docs/benchmarks.md, "Session 29"). Anywhere else — a Flink distribution, the tests — the
 * jar is not on the class path, this loader declines, and Flink's runs as always.
 */
@Internal
public final class ClassPathRpcSystemLoader implements RpcSystemLoader {
    /** Before Flink's own loader, whose priority is 0. */
    private static final int PRIORITY = -1;

    private static final String PEKKO_RPC_SYSTEM =
            "org/apache/flink/runtime/rpc/pekko/PekkoRpcSystem.class";

    @Override
    public int getLoadPriority() {
        return PRIORITY;
    }

    @Override
    public RpcSystem loadRpcSystem(Configuration config) {
        return load(RpcSystem.class.getClassLoader());
    }

    @VisibleForTesting
    static RpcSystem load(ClassLoader classLoader) {
        if (classLoader.getResource(PEKKO_RPC_SYSTEM) == null) {
            throw new RpcLoaderException(
                    "Flink's Pekko RPC system is not on the class path; Flink's own loader takes it"
                            + " from flink-rpc-akka-loader");
        }
        return ServiceLoader.load(RpcSystem.class, classLoader)
                .findFirst()
                .orElseThrow(
                        () ->
                                new RpcLoaderException(
                                        "The class path holds Flink's Pekko RPC system but no"
                                                + " RpcSystem service names it"));
    }
}
