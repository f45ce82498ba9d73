package io.tributary.pipelines.testutils;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The class-data archive of the CLI processes the tests start, written once per build as {@code
 * bin/tributary} writes one for a user's commands: a process maps the classes a job loads instead
 * of reading, verifying and linking them from ninety jars, about 3 s of CPU less per process on two
 * cores (docs/benchmarks.md, "The test suite's time (session 31)"). The suite starts dozens of such
 * processes.
 *
 * <p>The first test JVM to ask writes it in the background (the CLI's {@code training-run}, under a
 * file lock that other test JVMs skip rather than wait for); processes started meanwhile run
 * without it, as do processes of a JVM that cannot use it: the archive changes how fast a process
 * starts, never what it does.
 */
final class ClassDataArchive {
    private static final AtomicBoolean WRITING = new AtomicBoolean();

    private final Path archive;
    private final Path jar;
    private final List<String> java;
    private final String classpath;

    /**
     * @param java the java command and the JVM options of the processes
     * @param classpath their class path, the job jar first
     */
    ClassDataArchive(Path jar, List<String> java, String classpath) {
        this.jar = jar;
        this.java = List.copyOf(java);
        this.classpath = classpath;
        int key = 31 * java.hashCode() + classpath.hashCode();
        this.archive = jar.resolveSibling("test-processes-" + Integer.toHexString(key) + ".jsa");
    }

    /** The JVM options that use the archive; none (and the archive begun) while there is none. */
    List<String> jvmOptions() {
        if (current()) {
            return List.of(
                    "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        if (WRITING.compareAndSet(false, true)) {
            Thread writer = new Thread(this::writeUnlessAnotherJvmDoes, "class-data-archive");
            writer.setDaemon(true);
            writer.start();
        }
        return List.of();
    }

    /** Written after the job jar: a rebuilt jar's classes do not match an older archive. */
    private boolean current() {
        try {
            return Files.exists(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar))
                            >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void writeUnlessAnotherJvmDoes() {
        Path lockFile = archive.resolveSibling(archive.getFileName() + ".lock");
        try (FileChannel channel =
                        FileChannel.open(
                                lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null || current()) {
                return;
            }
            Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
            List<String> training = new ArrayList<>(java);
            training.addAll(
                    List.of(
                            "-XX:ArchiveClassesAtExit=" + partial,
                            "-Xlog:cds=off",
                            "-Xlog:cds+dynamic=off",
                            "-cp",
                            classpath,
                            TributaryProcess.MAIN_CLASS,
                            "training-run"));
            Process process =
                    new ProcessBuilder(training)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            if (process.waitFor(5, TimeUnit.MINUTES)
                    && process.exitValue() == 0
                    && Files.exists(partial)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            } else {
                process.destroyForcibly();
                Files.deleteIfExists(partial);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // Without an archive the processes start as they did before there was one.
        }
    }
}
