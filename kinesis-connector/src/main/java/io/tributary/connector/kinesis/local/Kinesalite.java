package io.tributary.connector.kinesis.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.annotation.Internal;

/**
 * A real Kinesis API on this machine: the npm package kinesalite (in memory), for tests, the demo
 * and benchmarks. The package is installed with npm into {@code target/tools/npm} of the checkout
 * ({@code tributary.home}, or the working folder) the first time; Node.js and npm must be on the
 * PATH. Its credentials are not checked: any key signs.
 */
@Internal
public final class Kinesalite implements AutoCloseable {
    public static final String VERSION = "3.3.3";

    /** kinesalite checks that requests are signed, not by whom. */
    public static final String ACCESS_KEY_ID = "local";

    public static final String SECRET_ACCESS_KEY = "local";
    public static final String REGION = "us-east-1";

    /** The AWS SDK's switch between CBOR and JSON for Kinesis (JVM-wide). */
    public static final String CBOR_ENABLED = "aws.cborEnabled";

    private final Process process;
    private final int port;

    private Kinesalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a fresh, empty kinesalite on a free port; streams become active at once. The SDK's
     * CBOR encoding is turned off for this JVM: kinesalite's CBOR answers to PutRecords and
     * GetRecords are malformed (a map announces more entries than it holds), its JSON ones are not.
     * Real Kinesis speaks both.
     */
    public static Kinesalite start() throws IOException {
        System.setProperty(CBOR_ENABLED, "false");
        Path cli = install();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process =
                new ProcessBuilder(
                                "node",
                                cli.toString(),
                                "--port",
                                Integer.toString(port),
                                "--createStreamMs",
                                "0",
                                "--deleteStreamMs",
                                "0",
                                "--updateStreamMs",
                                "0",
                                "--shardLimit",
                                "1000")
                        .redirectErrorStream(true)
                        .start();
        Kinesalite kinesalite = new Kinesalite(process, port);
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("Listening at")) {
            kinesalite.close();
            throw new IOException("kinesalite did not start: " + line);
        }
        Thread drain =
                new Thread(
                        () -> {
                            try {
                                while (out.readLine() != null) {
                                    // kinesalite prints only errors after its first line
                                }
                            } catch (IOException ignored) {
                                // the process ended
                            }
                        },
                        "kinesalite-output");
        drain.setDaemon(true);
        drain.start();
        return kinesalite;
    }

    public String endpoint() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized Path install() throws IOException {
        Path home = Path.of(System.getProperty("tributary.home", ".")).toAbsolutePath().normalize();
        Path tools = Files.createDirectories(home.resolve("target/tools/npm"));
        Path cli = tools.resolve("node_modules/kinesalite/cli.js");
        // Test JVMs of several modules may ask at once: one of them installs.
        try (RandomAccessFile lockFile =
                        new RandomAccessFile(tools.resolve(".lock").toFile(), "rw");
                FileLock lock = lockFile.getChannel().lock()) {
            if (!Files.isRegularFile(cli)) {
                List<String> command =
                        List.of(
                                "npm",
                                "install",
                                "--no-audit",
                                "--no-fund",
                                "--no-save",
                                "--prefix",
                                tools.toString(),
                                "kinesalite@" + VERSION);
                Process npm =
                        new ProcessBuilder(command)
                                .redirectErrorStream(true)
                                .redirectOutput(tools.resolve("npm-install.log").toFile())
                                .start();
                try {
                    if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                        npm.destroyForcibly();
                        throw new IOException(
                                "'"
                                        + String.join(" ", command)
                                        + "' failed; see "
                                        + tools.resolve("npm-install.log"));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted installing kinesalite", e);
                }
            }
        }
        if (!Files.isRegularFile(cli)) {
            throw new IOException("npm installed no " + cli);
        }
        return cli;
    }
}
