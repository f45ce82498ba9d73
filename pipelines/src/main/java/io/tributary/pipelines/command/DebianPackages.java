package io.tributary.pipelines.command;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.annotation.Internal;

/**
 * Programs from Debian's packages (Prometheus, promtool, node-exporter), fetched by the tests and
 * benchmarks themselves: {@code apt-get download} into {@code target/tools/debian/debs} and {@code
 * dpkg-deb -x} into {@code target/tools/debian/root} of the checkout ({@code tributary.home}, or
 * the working folder, where {@code bin/tributary} runs), once per checkout. Nothing is installed on
 * the machine; a root machine whose package lists are missing gets {@code apt-get update} first.
 */
@Internal
public final class DebianPackages {
    private static final Path HOME =
            Path.of(System.getProperty("tributary.home", ".")).toAbsolutePath().normalize();
    private static final Path TOOLS = HOME.resolve("target/tools/debian");

    private DebianPackages() {}

    /** The file {@code path} (such as {@code usr/bin/promtool}) of the package, unpacked. */
    public static synchronized Path program(String pkg, String path) {
        Path program = TOOLS.resolve("root").resolve(path);
        try {
            Files.createDirectories(TOOLS);
            // Test JVMs of several modules may ask at once: one of them unpacks.
            try (RandomAccessFile lockFile =
                            new RandomAccessFile(TOOLS.resolve(".lock").toFile(), "rw");
                    FileLock lock = lockFile.getChannel().lock()) {
                if (!Files.isExecutable(program)) {
                    unpack(download(pkg));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot fetch Debian package " + pkg, e);
        }
        if (!Files.isExecutable(program)) {
            throw new IllegalStateException(
                    "Debian package " + pkg + " holds no executable " + path);
        }
        return program;
    }

    private static Path download(String pkg) throws IOException {
        Path debs = Files.createDirectories(TOOLS.resolve("debs"));
        if (run(debs, "apt-get", "download", pkg) != 0) {
            // A fresh machine may have no package lists yet; only root may fetch them.
            if (!"root".equals(System.getProperty("user.name"))
                    || run(debs, "apt-get", "update", "-qq") != 0
                    || run(debs, "apt-get", "download", pkg) != 0) {
                throw new IllegalStateException(
                        "'apt-get download "
                                + pkg
                                + "' failed (see the test output): this test needs Debian's package"
                                + " "
                                + pkg
                                + "; run 'apt-get update' as root, or put its files under "
                                + TOOLS.resolve("root"));
            }
        }
        try (Stream<Path> files = Files.list(debs)) {
            return files.filter(f -> f.getFileName().toString().startsWith(pkg + "_"))
                    .filter(f -> f.toString().endsWith(".deb"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no .deb of " + pkg));
        }
    }

    private static void unpack(Path deb) throws IOException {
        if (run(TOOLS, "dpkg-deb", "-x", deb.toString(), TOOLS.resolve("root").toString()) != 0) {
            throw new IllegalStateException("dpkg-deb could not unpack " + deb);
        }
    }

    private static int run(Path dir, String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process process =
                new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            System.err.println(String.join(" ", cmd) + ":\n" + output);
        }
        return process.exitValue();
    }
}
