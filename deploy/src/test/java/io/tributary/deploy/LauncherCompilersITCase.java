package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/tributary} starts a backfill with the client compiler alone; one whose input proves
 * larger than the client compiler is good for runs again, before any job, in a JVM with both
 * compilers, which ends with the JVM that started it.
 */
class LauncherCompilersITCase {
    private static final String AGAIN = "running it again with both compilers";

    @TempDir Path dir;

    private String[] backfill(Path landing, Path lake) {
        return new String[] {
            "run",
            "weblogs",
            "--verbose",
            "-D",
            "tributary.landing.root=" + landing,
            "-D",
            "tributary.lake.root=" + lake,
            "-D",
            "tributary.parallelism=1"
        };
    }

    private Path landing(String name, int lines) throws Exception {
        return WebLogLanding.write(dir, name, lines);
    }

    private static Map<String, String> env(String... keysAndValues) {
        Map<String, String> env = new HashMap<>(Map.of("TRIBUTARY_SERVER", "off"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }

    @Test
    void aBackfillWhoseInputProvesLargeRunsOnceAgainWithBothCompilers() throws Exception {
        Path landing = landing("landing", 20);
        // The bound is lowered to 100 bytes, so that 20 lines are a large input.
        Map<String, String> large =
                env("JAVA_OPTS", "-Dtributary.compilers.client-only-max-bytes=100");

        Launcher.Result again = Launcher.run(dir, large, backfill(landing, dir.resolve("lake-1")));
        Launcher.Result both =
                Launcher.run(
                        dir,
                        env(
                                "JAVA_OPTS",
                                "-Dtributary.compilers.client-only-max-bytes=100",
                                "TRIBUTARY_COMPILERS",
                                "both"),
                        backfill(landing, dir.resolve("lake-2")));
        Launcher.Result small = Launcher.run(dir, env(), backfill(landing, dir.resolve("lake-3")));

        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.err()).contains("The command reads 2 KB: " + AGAIN);
        assertThat(again.out())
                .as("the first JVM ran nothing: one run, one bronze commit of the 20 lines")
                .containsOnlyOnce("Running weblogs in batch mode")
                .containsOnlyOnce("silver done: bronze.weblogs_raw 20 rows/1 file");
        assertThat(both.code()).as(both.toString()).isZero();
        assertThat(both.err()).as("started with both compilers").doesNotContain(AGAIN);
        assertThat(small.code()).as(small.toString()).isZero();
        assertThat(small.err()).as("a small input, with the client compiler").doesNotContain(AGAIN);
        assertThat(small.out()).contains("bronze.weblogs_raw 20 rows/1 file");
    }

    @Test
    void killingTheCommandEndsTheJvmThatRunsItAgain() throws Exception {
        Path landing = landing("landing", 200_000);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Map<String, String> env =
                env(
                        "JAVA_OPTS",
                        "-Dtributary.compilers.client-only-max-bytes=100",
                        "TMPDIR",
                        tmp.toString());
        // A stale class-data archive is written by a JVM the launcher starts first: not this one.
        assertThat(Launcher.run(dir, env, "--version").code()).isZero();

        Process command;
        ProcessHandle again;
        try (ProcessFolders folders = ProcessFolders.under(tmp)) {
            command = Launcher.start(dir, env, backfill(landing, dir.resolve("lake")));
            again = folders.awaitJvm(command.pid(), Duration.ofMinutes(2));
        }

        command.destroy();

        assertThat(command.waitFor(2, TimeUnit.MINUTES)).as("the command ends").isTrue();
        assertThat(command.exitValue()).as("killed, not finished").isNotZero();
        again.onExit().get(2, TimeUnit.MINUTES);
        assertThat(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8))
                .as("the JVM started again was stopped, not left to finish the backfill")
                .doesNotContain("Finished in");
    }
}
