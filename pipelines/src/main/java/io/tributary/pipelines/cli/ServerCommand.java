package io.tributary.pipelines.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.server.CommandServer;
import io.tributary.pipelines.server.ServerClient;
import io.tributary.pipelines.server.ServerProtocol;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
                        + " 10-line backfill or a query takes about a second instead of three. From"
                        + " a terminal, a run, sql, tables or report that finds none runs in a JVM"
                        + " of its own and then starts one for the next commands"
                        + " (TRIBUTARY_SERVER=auto|on|off).",
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

        @Option(
                names = "--warm-up-records",
                defaultValue = "300000",
                paramLabel = "N",
                description =
                        "Records of the backfill the server warms up on before its first command"
                                + " (default: ${DEFAULT-VALUE}): enough that the JIT compiles what"
                                + " every record runs through; 0 for none. A command that comes"
                                + " meanwhile cuts the warm-up short.")
        long warmUpRecords;
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
            String status = status(dir);
            if (status.contains("ready")) {
                System.out.println("a command server runs already; 'tributary server status'");
                return 0;
            }
            // One that another start has begun (still binding or warming up) is waited for.
            Process server = status.isEmpty() ? spawn(idle, warmUpRecords) : null;
            System.out.print("starting the command server");
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (Instant.now().isBefore(deadline) && (server == null || server.isAlive())) {
                String now = status(dir);
                if (now.contains("ready")) {
                    System.out.printf(
                            "%ncommand server started and warm; it stops after %d minutes without"
                                    + " a command, or with 'tributary server stop'%n",
                            idle.toMinutes());
                    return 0;
                }
                if (server == null && now.isEmpty()) {
                    break; // the server that warmed up has gone
                }
                System.out.print('.');
                if (server == null) {
                    TimeUnit.MILLISECONDS.sleep(500);
                } else {
                    server.waitFor(500, TimeUnit.MILLISECONDS);
                }
            }
            if (server != null) {
                server.destroy();
            }
            System.out.println();
            System.err.println(
                    "error: the command server did not start; see " + dir.resolve("server.log"));
            return 1;
        }

        /** What the server says of itself; empty when none answers. */
        private static String status(Path dir) throws IOException {
            ByteArrayOutputStream status = new ByteArrayOutputStream();
            int code = ServerClient.ask(dir, "status", new PrintStream(status, true, UTF_8));
            return code == 0 ? status.toString(UTF_8) : "";
        }
    }

    @Command(name = "run", description = "Serve in the foreground until stopped.")
    static final class Run extends Served implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            try (CommandServer server = CommandServer.bind(folder(), idle, System.out)) {
                server.serve(
                        warmUpRecords > 0
                                ? List.of("training-run", "--records", Long.toString(warmUpRecords))
                                : List.of());
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

    /**
     * Starts a server in the background that runs with this JVM's own settings and class path, in a
     * session of its own where the system has {@code setsid}: closing the terminal or Ctrl-C in it
     * does not reach the server. Its output goes to {@code server.log} in its folder.
     */
    static Process spawn(Duration idle, long warmUpRecords) throws IOException {
        Path dir = folder();
        CommandServer.checkSocketPath(dir); // here, not in the server's log
        Files.createDirectories(dir);
        List<String> line = new ArrayList<>();
        SETSID.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .ifPresent(s -> line.add(s.toString()));
        line.add(ProcessHandle.current().info().command().orElse("java"));
        line.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        line.addAll(List.of("-cp", System.getProperty("java.class.path")));
        line.add(TributaryCli.class.getName());
        line.addAll(
                List.of(
                        "server",
                        "run",
                        "--idle-timeout",
                        idle.toString(),
                        "--warm-up-records",
                        Long.toString(warmUpRecords)));
        ProcessBuilder builder =
                new ProcessBuilder(line)
                        .redirectErrorStream(true)
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(
                                        dir.resolve("server.log").toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process server = builder.start();
        // Until the server binds its socket, clients wait for it (ServerClient). Written whole or
        // not at all, as bin/tributary does: a client that read it half-written would forget it.
        Path starting = ServerProtocol.starting(dir);
        Path partial = dir.resolve(starting.getFileName() + "." + ProcessHandle.current().pid());
        Files.writeString(partial, Long.toString(server.pid()));
        Files.move(partial, starting, StandardCopyOption.ATOMIC_MOVE);
        return server;
    }

    private static final List<Path> SETSID =
            List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

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
