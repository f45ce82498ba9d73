package io.tributary.pipelines.server;

import io.tributary.pipelines.cli.TributaryCli;
import io.tributary.pipelines.runtime.PipelineMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.annotation.Internal;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Which commands the command server takes: only those that would run the same in a JVM started for
 * them. The client's working directory and environment must be the server's (the build is one of
 * its variables, set by the launcher), save the variables that describe a terminal; and the command
 * must be a short one — a backfill, a query, a report — not a stream, a demo, a benchmark (whose
 * figures are a cold JVM's) or a service.
 */
@Internal
public final class ServerPolicy {
    /** The commands served, by name; {@code run} only in batch mode. */
    static final Set<String> SERVED =
            Set.of("run", "sql", "tables", "report", "config", "generate", "help");

    /**
     * Variables that differ between terminals of one user and that no command reads, and the
     * launcher's own switches.
     */
    static final Set<String> TERMINAL_VARIABLES =
            Set.of(
                    "_",
                    "SHLVL",
                    "PWD",
                    "OLDPWD",
                    "TERM",
                    "TERM_PROGRAM",
                    "TERM_PROGRAM_VERSION",
                    "TERM_SESSION_ID",
                    "COLORTERM",
                    "COLUMNS",
                    "LINES",
                    "SSH_CLIENT",
                    "SSH_CONNECTION",
                    "SSH_TTY",
                    "SSH_AUTH_SOCK",
                    "DISPLAY",
                    "WINDOWID",
                    "TMUX",
                    "TMUX_PANE",
                    "STY",
                    "GPG_TTY",
                    "PS1",
                    "ITERM_SESSION_ID",
                    "VTE_VERSION",
                    "XDG_SESSION_ID",
                    "SECURITYSESSIONID",
                    "TRIBUTARY_SERVER",
                    ServerClient.VERBOSE);

    /** The variable the launcher sets to the build and JVM settings a command would start with. */
    public static final String BUILD_VARIABLE = "TRIBUTARY_BUILD";

    private ServerPolicy() {}

    /** Why the server does not take this command line; empty when it does. */
    static Optional<String> declines(
            ServerProtocol.Request request, String cwd, Map<String, String> env) {
        if (!request.cwd.equals(cwd)) {
            return Optional.of("another working directory (" + request.cwd + ")");
        }
        Set<String> differ = differingVariables(request.env, env);
        if (!differ.isEmpty()) {
            return Optional.of("the environment differs: " + String.join(", ", differ));
        }
        return commandDeclines(request.args);
    }

    /** Whether the client runs another build or JVM settings than the server. */
    static boolean anotherBuild(ServerProtocol.Request request, Map<String, String> env) {
        return !Objects.equals(request.env.get(BUILD_VARIABLE), env.get(BUILD_VARIABLE));
    }

    /** The names of the variables set differently, terminals' own aside. */
    static Set<String> differingVariables(Map<String, String> a, Map<String, String> b) {
        Set<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        names.removeAll(TERMINAL_VARIABLES);
        names.removeIf(name -> Objects.equals(a.get(name), b.get(name)));
        return names;
    }

    /** Why a command is not served: not one of {@link #SERVED}, a stream, or not understood. */
    static Optional<String> commandDeclines(List<String> args) {
        if (args.isEmpty()) {
            return Optional.of("no command");
        }
        String name = args.get(0);
        if (!SERVED.contains(name)) {
            return Optional.of("'" + name + "' runs in a JVM of its own");
        }
        if (name.equals("run")) {
            ParseResult parsed;
            try {
                parsed = TributaryCli.commandLine().parseArgs(args.toArray(new String[0]));
            } catch (CommandLine.ParameterException e) {
                return Optional.of("not understood here: " + e.getMessage());
            }
            if (parsed.subcommand() != null
                    && parsed.subcommand().matchedOptionValue("--mode", PipelineMode.BATCH)
                            != PipelineMode.BATCH) {
                return Optional.of("a stream runs in a JVM of its own");
            }
        }
        return Optional.empty();
    }
}
