package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/tributary} with a command server running: a short command goes to the server (which
 * counts it), a command from another environment runs in the launcher's own JVM with the same
 * answer, and errors keep their exit code either way. Without one, a command typed in a terminal
 * runs in a JVM of its own and starts a server for the next, unless the user stopped it; a script's
 * starts one only when asked. Runs the launcher of this checkout, whose jars the modules before
 * this one built.
 */
class LauncherCommandServerITCase {
    @TempDir Path dir;

    @Test
    void shortCommandsGoToTheServerWhenTheyWouldRunTheSameThere() throws Exception {
        String lake = "tributary.lake.root=" + dir.resolve("lake");
        Launcher.Result started = launch(Map.of(), "server", "start", "--idle-timeout", "PT10M");
        assertThat(started.code()).as(started.toString()).isZero();
        try {
            assertThat(launch(Map.of(), "server", "status").out())
                    .as("warm once started")
                    .contains("ready");

            Launcher.Result served = launch(Map.of(), "sql", "-D", lake, "SELECT 40 + 2 AS answer");
            assertThat(served.code()).as(served.toString()).isZero();
            assertThat(served.out()).contains("42");
            assertThat(served.err()).doesNotContain("declined");
            assertThat(launch(Map.of(), "server", "status").out()).contains("1 command(s) served");

            Launcher.Result own =
                    launch(
                            Map.of("TRIBUTARY_TEST_OTHER_SHELL", "1"),
                            "sql",
                            "-D",
                            lake,
                            "SELECT 40 + 2 AS answer");
            assertThat(own.code()).as(own.toString()).isZero();
            assertThat(own.out()).contains("42");
            assertThat(own.err())
                    .contains("declined: the environment differs: TRIBUTARY_TEST_OTHER_SHELL");
            assertThat(launch(Map.of(), "server", "status").out()).contains("1 command(s) served");

            Launcher.Result wrong = launch(Map.of(), "sql", "-D", lake, "SELECT nope");
            assertThat(wrong.code()).as(wrong.toString()).isEqualTo(1);
            assertThat(wrong.err()).contains("nope");
            assertThat(launch(Map.of(), "server", "status").out()).contains("2 command(s) served");
        } finally {
            Launcher.Result stopped = launch(Map.of(), "server", "stop");
            assertThat(stopped.out()).contains("stopping");
        }
        assertThat(launch(Map.of(), "server", "status").code())
                .as("no server after the stop")
                .isEqualTo(3);
    }

    @Test
    void aCommandWithoutAServerStartsOneAndRunsInItWhenAsked() throws Exception {
        String lake = "tributary.lake.root=" + dir.resolve("lake");
        // Without a terminal (as here) the default starts none: scripts keep their own JVMs.
        Launcher.Result script = launch(Map.of(), "sql", "-D", lake, "SELECT 1 AS x");
        assertThat(script.code()).as(script.toString()).isZero();
        assertThat(script.err()).doesNotContain("started a command server");
        assertThat(launch(Map.of(), "server", "status").code()).isEqualTo(3);

        Map<String, String> asked = Map.of("TRIBUTARY_SERVER", "on");
        Launcher.Result stream = launch(asked, "run", "no-such-pipeline", "--mode", "streaming");
        assertThat(stream.code())
                .as("a stream is not served: it runs, and fails, here")
                .isNotZero();
        assertThat(stream.err()).doesNotContain("started a command server");

        Launcher.Result first = launch(asked, "sql", "-D", lake, "SELECT 6 * 7");
        try {
            assertThat(first.code()).as(first.toString()).isZero();
            assertThat(first.out()).contains("42");
            assertThat(first.err()).contains("started a command server");
            assertThat(launch(Map.of(), "server", "status").out())
                    .as("the first command ran in the server it started")
                    .contains("1 command(s) served");

            Launcher.Result next = launch(Map.of(), "sql", "-D", lake, "SELECT 6 * 7");
            assertThat(next.out()).contains("42");
            assertThat(next.err()).doesNotContain("declined").doesNotContain("started a");
            assertThat(launch(Map.of(), "server", "status").out()).contains("2 command(s) served");
        } finally {
            launch(Map.of(), "server", "stop");
        }
    }

    @Test
    void aCommandTypedInATerminalRunsItselfAndStartsAServerForTheNextOnes() throws Exception {
        String lake = "tributary.lake.root=" + dir.resolve("lake");
        Launcher.Result first =
                Launcher.inTerminal(dir, Map.of(), "sql", "-D", lake, "SELECT 6 * 7");
        try {
            assertThat(first.code()).as(first.toString()).isZero();
            assertThat(first.out())
                    .contains("42")
                    .contains("started a command server")
                    .contains("the next commands run in it");
            assertThat(launch(Map.of(), "server", "status").out())
                    .as("the first command ran in a JVM of its own, started with C1 alone")
                    .contains("0 command(s) served");

            Launcher.Result next =
                    Launcher.inTerminal(dir, Map.of(), "sql", "-D", lake, "SELECT 6 * 7");
            assertThat(next.code()).as(next.toString()).isZero();
            assertThat(next.out())
                    .contains("42")
                    .doesNotContain("started a")
                    .doesNotContain("declined");
            assertThat(launch(Map.of(), "server", "status").out())
                    .as("the next one ran in the server, its warm-up stopped if need be")
                    .contains("1 command(s) served");
        } finally {
            launch(Map.of(), "server", "stop");
        }
    }

    @Test
    void aTerminalCommandStoppedByASignalStartsNoServer() throws Exception {
        Path landing = WebLogLanding.write(dir, "landing", 200_000);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Map<String, String> env = Map.of("TMPDIR", tmp.toString());
        // Not in a terminal: starts no server, and makes the folder of the JVMs' folders.
        assertThat(launch(env, "--version").code()).isZero();
        String[] backfill = {
            "run",
            "weblogs",
            "-D",
            "tributary.landing.root=" + landing,
            "-D",
            "tributary.lake.root=" + dir.resolve("lake")
        };

        Process command;
        ProcessHandle jvm;
        try (ProcessFolders folders = ProcessFolders.under(tmp)) {
            command = Launcher.startInTerminal(dir, env, backfill);
            jvm = folders.awaitJvm(command.pid(), Duration.ofMinutes(2));
        }
        // What kill does, or a terminal that closes: the JVM ends with 143, not the launcher.
        jvm.destroy();
        Launcher.Result stopped = Launcher.waitFor(dir, command, backfill);
        try {
            assertThat(stopped.code()).as(stopped.toString()).isEqualTo(143);
            assertThat(stopped.out())
                    .doesNotContain("Finished in")
                    .doesNotContain("command server");
            assertThat(launch(Map.of(), "server", "status").code())
                    .as("no server started after a command the user stopped")
                    .isEqualTo(3);
        } finally {
            launch(Map.of(), "server", "stop");
        }
    }

    @Test
    void aServerThatCouldNotListenIsNotStartedAndTheCommandRunsItself() throws Exception {
        String tooLong = dir.resolve("server-" + "x".repeat(120)).toString();
        Launcher.Result answer =
                launch(
                        Map.of("TRIBUTARY_SERVER", "on", "TRIBUTARY_SERVER_DIR", tooLong),
                        "sql",
                        "SELECT 6 * 7");
        assertThat(answer.code()).as(answer.toString()).isZero();
        assertThat(answer.out()).contains("42");
        assertThat(answer.err())
                .contains("could not start a command server")
                .contains("too long for a Unix socket");
    }

    @Test
    void anUnknownServerModeFailsNamingTheValidOnes() throws Exception {
        Launcher.Result wrong = launch(Map.of("TRIBUTARY_SERVER", "yes"), "sql", "SELECT 1");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("TRIBUTARY_SERVER=yes").contains("auto").contains("off");
    }

    private Launcher.Result launch(Map<String, String> env, String... args) throws Exception {
        return Launcher.run(dir, env, args);
    }
}
