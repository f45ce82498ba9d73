package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/tributary} starts a backfill with the client compiler alone; one whose input proves
 * larger than the client compiler is good for runs again, before any job, in a JVM with both
 * compilers, which ends with the JVM that started it.
 */
class LauncherCompilersITCase {
    private static final String AGAIN = "running it again with both compilers";
    private static final String LINE =
            "10.0.0.%d - - [10/Oct/2015:13:%02d:36 +0000] \"GET /page/%d HTTP/1.1\" 200 %d"
                    + " \"-\" \"curl/8.0\"";

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
        Path landing = dir.resolve(name);
        List<String> log = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            log.add(String.format(LINE, i % 250, i % 60, i % 1000, 100 + i % 5000));
        }
        Files.createDirectories(landing.resolve("weblogs"));
        Files.write(landing.resolve("weblogs/access.log"), log, StandardCharsets.UTF_8);
        return landing;
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
        Path processFolders = onlyChild(tmp);

        ProcessHandle again;
        Process command;
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            processFolders.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            command = Launcher.start(dir, env, backfill(landing, dir.resolve("lake")));
            again = awaitOtherProcessFolder(watch, command.pid(), Duration.ofMinutes(2));
        }

        command.destroy();

        assertThat(command.waitFor(2, TimeUnit.MINUTES)).as("the command ends").isTrue();
        assertThat(command.exitValue()).as("killed, not finished").isNotZero();
        again.onExit().get(2, TimeUnit.MINUTES);
        assertThat(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8))
                .as("the JVM started again was stopped, not left to finish the backfill")
                .doesNotContain("Finished in");
    }

    private static Path onlyChild(Path folder) throws Exception {
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> all = children.collect(Collectors.toList());
            assertThat(all).as("the launcher's folder of process folders").hasSize(1);
            return all.get(0);
        }
    }

    /**
     * The JVM the command started again: each JVM the launcher starts, and each one started again,
     * makes a folder named by its process id as it starts; the command's own is {@code parent}.
     */
    private static ProcessHandle awaitOtherProcessFolder(
            WatchService watch, long parent, Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            WatchKey key =
                    watch.poll(
                            Duration.between(Instant.now(), deadline).toMillis(),
                            TimeUnit.MILLISECONDS);
            if (key == null) {
                break;
            }
            for (WatchEvent<?> event : key.pollEvents()) {
                String name = String.valueOf(event.context());
                if (name.matches("\\d+") && Long.parseLong(name) != parent) {
                    Optional<ProcessHandle> child = ProcessHandle.of(Long.parseLong(name));
                    assertThat(child).as("the JVM started again, process " + name).isPresent();
                    return child.get();
                }
            }
            key.reset();
        }
        throw new AssertionError("no JVM started again within " + patience);
    }
}
