package io.tributary.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/tributary} of this checkout, whose jars the modules before this one built, with a
 * command server folder of the test's own.
 */
final class Launcher {
    private static final Path HOME = Path.of(System.getProperty("tributary.home"));
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final String OUT = "out.txt";
    private static final String ERR = "err.txt";

    private Launcher() {}

    static Result run(Path dir, Map<String, String> env, String... args) throws Exception {
        return waitFor(dir, start(dir, env, args), args);
    }

    /**
     * Runs {@code bin/tributary} as if typed in a terminal: in a pseudo-terminal that util-linux's
     * {@code script} opens (standard input and error are one terminal). What the command printed,
     * on either stream, is in {@link Result#out()}; {@code script}'s own errors in {@link
     * Result#err()}.
     */
    static Result inTerminal(Path dir, Map<String, String> env, String... args) throws Exception {
        return waitFor(dir, startInTerminal(dir, env, args), args);
    }

    /** Starts {@code bin/tributary} as {@link #inTerminal} runs it. */
    static Process startInTerminal(Path dir, Map<String, String> env, String... args)
            throws IOException {
        StringBuilder line = new StringBuilder(quoted(HOME.resolve("bin/tributary").toString()));
        for (String arg : args) {
            line.append(' ').append(quoted(arg));
        }
        List<String> command = List.of("script", "-q", "-e", "-c", line.toString(), "/dev/null");
        return start(dir, env, command);
    }

    private static String quoted(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** Waits for a command {@link #start started} with {@code args} and reads what it printed. */
    static Result waitFor(Path dir, Process process, String... args) throws Exception {
        if (!process.waitFor(PATIENCE.toMinutes(), TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bin/tributary " + String.join(" ", args) + " hangs");
        }
        return new Result(process.exitValue(), read(dir.resolve(OUT)), read(dir.resolve(ERR)));
    }

    /** Starts {@code bin/tributary}, its output going to files in {@code dir}. */
    static Process start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(HOME.resolve("bin/tributary").toString());
        command.addAll(List.of(args));
        return start(dir, env, command);
    }

    private static Process start(Path dir, Map<String, String> env, List<String> command)
            throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectOutput(dir.resolve(OUT).toFile())
                        .redirectError(dir.resolve(ERR).toFile());
        builder.environment().put("TRIBUTARY_SERVER_DIR", dir.resolve("server").toString());
        builder.environment().put("TRIBUTARY_SERVER_VERBOSE", "1");
        builder.environment().putAll(env);
        return builder.start();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** What the launcher printed, and its exit code. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n" + out + err;
        }
    }
}
