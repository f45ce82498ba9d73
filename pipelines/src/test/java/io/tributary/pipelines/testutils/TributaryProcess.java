package io.tributary.pipelines.testutils;

import io.tributary.connector.kinesis.local.Kinesalite;
import io.tributary.pipelines.runtime.codegen.KeptResults;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Tributary's CLI in a JVM of its own, started the way {@code bin/tributary} starts it: the shaded
 * job jar plus Flink's classpath and its RPC system's jar, with the JVM options from {@code
 * conf/jvm.options} and a class-data archive. Another engine's libraries in the test JVM never meet
 * Flink's, and a running job can be killed outright.
 */
public final class TributaryProcess {
    static final String MAIN_CLASS = "io.tributary.pipelines.cli.TributaryCli";

    /**
     * Only for a process that outlives its test: each test's JUnit timeout (5 minutes, longer for
     * the demo's) is what bounds a run, and interrupts the wait. A tighter bound here failed the
     * demo's test on a slow VM, where it takes over four minutes.
     */
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final Path home;
    private final String classpath;
    private final List<String> java;
    private final ClassDataArchive archive;
    private final Path generatedCodeCache;

    private TributaryProcess(Path home, Path jar, String classpath) {
        this.home = home;
        this.classpath = classpath;
        this.generatedCodeCache = jar.resolveSibling("generated-code-cache");
        this.java =
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "@" + home.resolve("conf/jvm.options"),
                        "-Xmx2g",
                        // Tests start many short-lived jobs on a small machine: start-up CPU
                        // matters more than peak speed.
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        // As bin/tributary: every process plans the same SQL, split once.
                        "-D" + KeptResults.DIRECTORY_PROPERTY + "=" + generatedCodeCache);
        this.archive = new ClassDataArchive(jar, java, classpath);
    }

    /** Locates the job jar the build made (system properties set by the failsafe plugin). */
    public static TributaryProcess fromBuild() throws IOException {
        // Normalised: the modules that reach the jar through ../pipelines share its archive.
        Path jar = Path.of(required("tributary.jar")).normalize();
        Path flinkClasspath = Path.of(required("tributary.flink-classpath")).normalize();
        if (!Files.exists(jar) || !Files.exists(flinkClasspath)) {
            throw new IllegalStateException(
                    "No job jar at "
                            + jar
                            + ": build the pipelines module first "
                            + "(mvn -B verify from the root, or add -am when selecting this module with -pl)");
        }
        String classpath = jar + File.pathSeparator + Files.readString(flinkClasspath).trim();
        // Loaded from the class path, Flink's RPC system is not copied to a temporary file at
        // every start, and its classes join the archive (as in bin/tributary).
        Path rpc = jar.resolveSibling("flink-rpc").resolve("flink-rpc-akka.jar");
        if (Files.exists(rpc)) {
            classpath += File.pathSeparator + rpc;
        }
        return new TributaryProcess(
                Path.of(required("tributary.home")).normalize(), jar, classpath);
    }

    /**
     * Where these processes keep generated code's split code and compiled classes ({@code
     * KeptResults}).
     */
    public Path generatedCodeCache() {
        return generatedCodeCache;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(
                    "System property " + property + " is not set; run through Maven");
        }
        return value;
    }

    /**
     * Runs {@code tributary <args>} and returns its standard output; fails with its stderr
     * otherwise.
     */
    public String run(String... args) throws IOException, InterruptedException {
        try (Running running = start(args)) {
            if (!running.process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError(
                        "tributary " + String.join(" ", args) + " did not finish in " + TIMEOUT);
            }
            if (running.process.exitValue() != 0) {
                throw new AssertionError(
                        "tributary "
                                + String.join(" ", args)
                                + " exited with "
                                + running.process.exitValue()
                                + ":\n"
                                + running.stderr()
                                + running.stdout());
            }
            return running.stdout();
        }
    }

    /** Starts {@code tributary <args>}; closing the handle kills the process if it still runs. */
    public Running start(String... args) throws IOException {
        List<String> command = new ArrayList<>(java);
        command.addAll(archive.jvmOptions());
        command.add("-cp");
        command.add(classpath);
        command.add(MAIN_CLASS);
        command.addAll(List.of(args));
        // Its own temporary folder, removed with the handle: a killed JVM leaves behind what Flink
        // and the native libraries unpacked there (I/O folders, Snappy's library), and the kill
        // tests kill dozens.
        Path tmp = Files.createTempDirectory("tributary-process");
        command.add(1, "-Djava.io.tmpdir=" + tmp);
        Path out = Files.createTempFile("tributary-out", ".txt");
        Path err = Files.createTempFile("tributary-err", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(home.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
        String cbor = System.getProperty(Kinesalite.CBOR_ENABLED);
        if (cbor != null) {
            // The test talks to kinesalite, which answers CBOR wrongly: so must the job.
            builder.environment().put("CBOR_ENABLED", cbor);
        }
        return new Running(builder.start(), tmp, out, err);
    }

    /** A started CLI process. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final Path tmp;
        private final Path out;
        private final Path err;

        private Running(Process process, Path tmp, Path out, Path err) {
            this.process = process;
            this.tmp = tmp;
            this.out = out;
            this.err = err;
        }

        /** Waits for the process to end by itself and returns its exit code. */
        public int awaitExit(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("The process did not end within " + timeout);
            }
            return process.exitValue();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** Kills the JVM at once (SIGKILL): no shutdown hook, no cancellation, no final commit. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        public String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        public String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            if (process.isAlive()) {
                kill();
            }
            deleteQuietly(tmp);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }

        /**
         * Plain Java: the Spark compatibility tests use this class without Flink on their class
         * path.
         */
        private static void deleteQuietly(Path folder) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // A file left in the temporary folder is only litter.
            }
        }
    }
}
