package io.tributary.pipelines.runtime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.VisibleForTesting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JIT compilers a command runs with. {@code bin/tributary} starts a backfill or a query with
 * the client compiler alone ({@code -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1}, and {@value
 * #PROPERTY}={@value #CLIENT_FIRST}): it compiles a command's planner, Flink's runtime and the
 * job's code in a fraction of the time both compilers take, which is a fifth of what a small
 * command waits for (docs/benchmarks.md, "Session 38"); but the code it makes runs rows at half the
 * speed of the optimising compiler's. So a command that learns, before it has submitted any job,
 * that it reads more than {@link #CLIENT_ONLY_MAX_BYTES} runs again in a JVM with both compilers:
 * this JVM starts it with its own command line, hands it the terminal, waits for it and exits with
 * its code. A command that has submitted a job goes on where it is: running anything twice is worse
 * than running it slower.
 *
 * <p>The second JVM stops when this one ends (killed, or its terminal closed), as a command the
 * user started would.
 */
@Internal
public final class Compilers {
    /** How the launcher started this JVM: {@value #CLIENT_FIRST}, or unset (as started). */
    public static final String PROPERTY = "tributary.compilers";

    /** The client compiler alone, until a command's input proves large. */
    public static final String CLIENT_FIRST = "client-first";

    /**
     * Input up to which the client compiler alone is the faster choice, for a cold web-log backfill
     * of one file: 10 lines 3.4 → 2.8 s, 300,000 lines (67 MB) 8.8 → 5.8 s, about even at 1 M lines
     * (237 MB: 10.0 against 11.0 s), 14.2 against 21.4 s at 3 M (docs/benchmarks.md, "Session 38").
     */
    static final long CLIENT_ONLY_MAX_BYTES = 128L << 20;

    /** Another bound than {@link #CLIENT_ONLY_MAX_BYTES}, in bytes: for tests of the launcher. */
    static final String MAX_BYTES_PROPERTY = "tributary.compilers.client-only-max-bytes";

    /** What a JVM started again by this one is told: it never starts another. */
    private static final String BOTH = "both";

    /** The process a JVM started again watches: it ends with it. */
    private static final String PARENT_PROPERTY = "tributary.compilers.parent";

    /**
     * What makes a JVM client-first: the client compiler alone, on one thread — on two cores a
     * second compiler thread takes its CPU from the command's own threads (a cold 10-line backfill
     * 3.38 → 3.13 s, docs/benchmarks.md "Session 39"). Both compilers need two threads at least, so
     * a JVM started again drops both, whoever set them.
     */
    private static final List<String> CLIENT_ONLY_FLAGS =
            List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1");

    private static final long UNKNOWN = Long.MAX_VALUE / 4;

    private static final Logger LOG = LoggerFactory.getLogger(Compilers.class);

    /** Bytes of input the command has seen so far (a query's tables, one by one). */
    private static final AtomicLong SEEN = new AtomicLong();

    /** The main class and arguments this JVM was started with: see {@link #started}. */
    private static volatile List<String> mainAndArguments;

    private Compilers() {}

    /**
     * Remembers how this JVM's command was given, so that it can be run again; in a JVM started
     * again, ends it with the JVM that started it. The main method calls it first thing.
     */
    public static void started(Class<?> main, String[] arguments) {
        List<String> given = new ArrayList<>();
        given.add(main.getName());
        given.addAll(List.of(arguments));
        mainAndArguments = List.copyOf(given);
        String parent = System.getProperty(PARENT_PROPERTY);
        if (parent != null) {
            ProcessHandle.of(Long.parseLong(parent))
                    .ifPresentOrElse(
                            p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(143)),
                            () -> Runtime.getRuntime().halt(143));
        }
    }

    /**
     * Tells this JVM that the command reads {@code bytes} more (a backfill's input, a query's
     * table): past {@link #CLIENT_ONLY_MAX_BYTES}, with no job submitted yet, the command runs
     * again with both compilers and this JVM exits with its code. Returns otherwise.
     */
    public static void reads(long bytes) {
        long seen = SEEN.addAndGet(bytes);
        if (clientFirst()
                && seen > Long.getLong(MAX_BYTES_PROPERTY, CLIENT_ONLY_MAX_BYTES)
                && !EmbeddedSubmissions.submittedAny()) {
            OptionalInt code = runAgainWithBothCompilers(seen);
            if (code.isPresent()) {
                System.exit(code.getAsInt());
            }
        }
    }

    /** Tells this JVM that the command's input is unknown (a database): as a large one. */
    public static void readsUnknown() {
        reads(UNKNOWN);
    }

    /**
     * Whether this JVM runs with the client compiler alone until its command's input proves large:
     * only then is the input worth measuring.
     */
    public static boolean clientFirst() {
        return CLIENT_FIRST.equals(System.getProperty(PROPERTY));
    }

    /** The exit code of the command run again; empty when it could not be started. */
    private static OptionalInt runAgainWithBothCompilers(long seen) {
        System.setProperty(PROPERTY, BOTH); // whatever happens next, once
        Optional<List<String>> command = commandWithBothCompilers();
        if (command.isEmpty()) {
            LOG.info("Staying with the client compiler: this JVM's command line is not known");
            return OptionalInt.empty();
        }
        LOG.info(
                "The command reads {}: running it again with both compilers",
                seen >= UNKNOWN / 2 ? "an input of unknown size" : size(seen));
        try {
            EmbeddedCluster.close(); // what this JVM started early is the other one's to do
        } catch (Exception e) {
            LOG.info("Stopping the embedded cluster before running again", e);
        }
        try {
            Process again = new ProcessBuilder(command.get()).inheritIO().start();
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(() -> stop(again), "tributary-compilers-stop-again"));
            return OptionalInt.of(again.waitFor());
        } catch (IOException e) {
            LOG.info("Cannot run the command again with both compilers", e);
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    private static String size(long bytes) {
        return bytes >= 1L << 20 ? (bytes >> 20) + " MB" : ((bytes + 1023) >> 10) + " KB";
    }

    private static void stop(Process again) {
        if (again.isAlive()) {
            again.destroy();
            try {
                again.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** This JVM's command line, with both compilers and told whom to follow. */
    private static Optional<List<String>> commandWithBothCompilers() {
        List<String> main = mainAndArguments;
        if (main == null) {
            return Optional.empty();
        }
        return Optional.of(
                withBothCompilers(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        ManagementFactory.getRuntimeMXBean().getInputArguments(),
                        System.getProperty("java.class.path"),
                        main,
                        ProcessHandle.current().pid()));
    }

    @VisibleForTesting
    static List<String> withBothCompilers(
            String java,
            List<String> jvmOptions,
            String classPath,
            List<String> mainAndArguments,
            long parent) {
        List<String> command = new ArrayList<>();
        command.add(java);
        for (String option : jvmOptions) {
            if (CLIENT_ONLY_FLAGS.contains(option)) {
                continue;
            }
            command.add(
                    option.equals("-D" + PROPERTY + "=" + CLIENT_FIRST)
                            ? "-D" + PROPERTY + "=" + BOTH
                            : option);
        }
        command.add("-D" + PARENT_PROPERTY + "=" + parent);
        command.add("-cp");
        command.add(classPath);
        command.addAll(mainAndArguments);
        return command;
    }
}
