package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompilersTest {
    @Test
    void theCommandRunAgainHasBothCompilersTheSameSettingsAndFollowsThisJvm() {
        List<String> command =
                Compilers.withBothCompilers(
                        "/jdk/bin/java",
                        List.of(
                                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                                "-Xmx2g",
                                "-XX:TieredStopAtLevel=1",
                                "-XX:CICompilerCount=1",
                                "-Dtributary.compilers=client-first",
                                "-Dtributary.build=42"),
                        "a.jar:b.jar",
                        List.of("io.tributary.pipelines.cli.TributaryCli", "run", "weblogs"),
                        4711);

        assertThat(command)
                .containsExactly(
                        "/jdk/bin/java",
                        "--add-opens=java.base/java.lang=ALL-UNNAMED",
                        "-Xmx2g",
                        "-Dtributary.compilers=both",
                        "-Dtributary.build=42",
                        "-Dtributary.compilers.parent=4711",
                        "-cp",
                        "a.jar:b.jar",
                        "io.tributary.pipelines.cli.TributaryCli",
                        "run",
                        "weblogs");
    }

    @Test
    void aJvmStartedWithBothCompilersNeverRunsItsCommandAgain() {
        // This test JVM was not started client-first: however large the input, nothing happens.
        Compilers.reads(Long.MAX_VALUE / 8);
        Compilers.readsUnknown();
        assertThat(System.getProperty(Compilers.PROPERTY)).isNull();
    }
}
