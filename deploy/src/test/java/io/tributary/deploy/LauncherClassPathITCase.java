package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code bin/tributary} puts on its JVM's class path. */
class LauncherClassPathITCase {
    @TempDir Path dir;

    /**
     * Flink's RPC system comes from the class path (or the class-data archive made of it), not from
     * the copy in a temporary file that Flink's own loader writes at every start; Janino comes from
     * the job jar, unsigned (or the archive), not from its signed jar on Flink's class path.
     */
    @Test
    void flinksRpcSystemAndJaninoLoadFromTheClassPath() throws Exception {
        Launcher.Result answer =
                Launcher.run(
                        dir,
                        Map.of("TRIBUTARY_SERVER", "off", "JAVA_OPTS", "-Xlog:class+load=info"),
                        "sql",
                        "-D",
                        "tributary.lake.root=" + dir.resolve("lake"),
                        "SELECT 6 * 7");
        assertThat(answer.code()).as(answer.toString()).isZero();
        assertThat(answer.out())
                .contains("42")
                .containsPattern(
                        "org\\.apache\\.flink\\.runtime\\.rpc\\.pekko\\.PekkoRpcSystem source: "
                                + "(shared objects file|.*/pipelines/target/flink-rpc/flink-rpc-akka\\.jar)")
                .containsPattern(
                        "org\\.codehaus\\.janino\\.SimpleCompiler source: "
                                + "(shared objects file|.*/pipelines/target/tributary-pipelines-[^/]*\\.jar)");
    }
}
