package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.runtime.rpc.exceptions.RpcLoaderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathRpcSystemLoaderTest {
    @TempDir Path dir;

    @Test
    void loadsTheRpcSystemFromTheClassLoaderThatHoldsIt() throws Exception {
        // The jar the build unpacks for the launcher, taken here from the same loader artifact.
        Path jar = dir.resolve("flink-rpc-akka.jar");
        try (InputStream in =
                RpcSystem.class.getClassLoader().getResourceAsStream("flink-rpc-akka.jar")) {
            assertThat(in).as("flink-rpc-akka-loader on the test class path").isNotNull();
            Files.copy(in, jar);
        }
        try (URLClassLoader classPath =
                        new URLClassLoader(
                                new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
                RpcSystem rpc = ClassPathRpcSystemLoader.load(classPath)) {
            assertThat(rpc.getClass().getName())
                    .isEqualTo("org.apache.flink.runtime.rpc.pekko.PekkoRpcSystem");
            assertThat(rpc.getClass().getClassLoader())
                    .as("no copy in a class loader of its own")
                    .isSameAs(classPath);
        }
    }

    @Test
    void declinesWhereTheRpcSystemIsNotOnTheClassPathAndFlinksLoaderTakesOver() throws Exception {
        assertThatThrownBy(() -> ClassPathRpcSystemLoader.load(getClass().getClassLoader()))
                .isInstanceOf(RpcLoaderException.class)
                .hasMessageContaining("not on the class path");
        try (RpcSystem rpc = RpcSystem.load()) {
            assertThat(rpc.getClass().getSimpleName())
                    .as("Flink's loader's copy, after this one declined")
                    .isEqualTo("CleanupOnCloseRpcSystem");
        }
    }
}
