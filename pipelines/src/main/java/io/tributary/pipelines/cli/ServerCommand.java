package io.tributary.pipelines.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.server.CommandServer;
import io.tributary.pipelines.server.ServerClient;
import io.tributary.pipelines.server.ServerProtocol;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "server",
        description =
                "A warm JVM for this installation's short commands (run in batch mode, sql, tables,"
                        + " report, config, generate): bin/tributary hands them to it when it runs"
                        + " the same build in the same environment, and runs them itself otherwise."
                        + " Commands then skip the JVM's start-up, class loading and compilation: a"
                        + " 10-line backfill or a query takes about a second instead of five.",
        subcommands = {
            ServerCommand.Start.class,
            ServerCommand.Run.class,
            ServerCommand.Status.class,
            ServerCommand.Stop.class
        })
final class ServerCommand {
    /** The server's folder, set by the launcher (per installation, under ~/.tributary). */
    static Path folder() {
        String dir = System.getenv(ServerProtocol.DIR_VARIABLE);
        if (dir == null) {
            throw new ConfigurationError(
                    ServerProtocol.DIR_VARIABLE + " is not set",
                    "use bin/tributary, which sets it to this installation's server folder");
        }
        return Path.of(dir);
    }

    abstract static class Served {
        @Option(
                names = "--idle-timeout",
                defaultValue = "PT30M",
                paramLabel = "DURATION",
                description =
                        "Stop after this long without a command, as an ISO-8601 duration"
                                + " (default: ${DEFAULT-VALUE}, 30 minutes).")
        Duration idle;
    }

    @Command(
            name = "start",
            description =
                    "Start the server in the background and wait until it is warm (a few"
                            + " seconds); its log is server.log in its folder.")
    static final class Start extends Served implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            Path dir = folder();
            if (ServerClient.ask(dir, "status", new PrintStream(PrintStream.nullOutputStream()))
                    == 0) {
                System.out.println("a command server runs already; 'tributary server status'");
                return 0;
            }
            Files.createDirectories(dir);
            Path log = dir.resolve("server.log");
            Process server =
                    new ProcessBuilder(serverCommandLine(idle))
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                            .start();
            System.out.print("starting the command server");
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (Instant.now().isBefore(deadline) && server.isAlive()) {
                ByteArrayOutputStream status = new ByteArrayOutputStream();
                if (ServerClient.ask(dir, "status", new PrintStream(status, true, UTF_8)) == 0
                        && status.toString(UTF_8).contains("ready")) {
                    System.out.printf(
                            "%ncommand server started and warm (pid %d); it stops after %d"
                                    + " minutes without a command, or with 'tributary server"
                                    + " stop'%n",
                            server.pid(), idle.toMinutes());
                    return 0;
                }
                System.out.print('.');
                server.waitFor(500, TimeUnit.MILLISECONDS);
            }
            server.destroy();
            System.out.println();
            System.err.println("error: the command server did not start; see " + log);
            return 1;
        }

        /** This JVM's own settings and class path, running {@code server run}. */
        private static List<String> serverCommandLine(Duration idle) {
            List<String> line = new ArrayList<>();
            line.add(ProcessHandle.current().info().command().orElse("java"));
            line.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            line.addAll(List.of("-cp", System.getProperty("java.class.path")));
            line.add(TributaryCli.class.getName());
            line.addAll(List.of("server", "run", "--idle-timeout", idle.toString()));
            return line;
        }
    }

    @Command(name = "run", description = "Serve in the foreground until stopped.")
    static final class Run extends Served implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            try (CommandServer server = CommandServer.bind(folder(), idle, System.out)) {
                server.serve(List.of("training-run"));
            }
            return 0;
        }
    }

    @Command(
            name = "status",
            description =
                    "Say whether the server runs, and since when; exit code 3 when none does.")
    static final class Status implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return ask("status", 3);
        }
    }

    @Command(name = "stop", description = "Stop the server once its command, if any, ended.")
    static final class Stop implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return ask("stop", 0);
        }
    }

    /** Asks the server; {@code whenNone} is the exit code when no server runs. */
    private static int ask(String what, int whenNone) throws Exception {
        int code = ServerClient.ask(folder(), what, System.out);
        if (code == ServerProtocol.NOT_TAKEN) {
            System.out.println("no command server runs for this installation");
            return whenNone;
        }
        return code;
    }
}
