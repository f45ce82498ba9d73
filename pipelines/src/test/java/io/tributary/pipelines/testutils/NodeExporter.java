package io.tributary.pipelines.testutils;

import io.tributary.pipelines.command.DebianPackages;
import io.tributary.pipelines.command.LocalServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's prometheus-node-exporter on loopback for a test, exporting this machine's memory, CPU,
 * processes and network, and whatever the test writes to its textfile collector (a temperature
 * gauge: a test machine has no sensor to read).
 */
public final class NodeExporter implements AutoCloseable {
    private final Process process;
    private final String address;
    private final Path textfiles;

    private NodeExporter(Process process, String address, Path textfiles) {
        this.process = process;
        this.address = address;
        this.textfiles = textfiles;
    }

    public static NodeExporter start(Path dir) throws Exception {
        Path program =
                DebianPackages.program(
                        "prometheus-node-exporter", "usr/bin/prometheus-node-exporter");
        Path textfiles = Files.createDirectories(dir.resolve("textfiles"));
        int port = LocalServer.freePort();
        String address = "127.0.0.1:" + port;
        Process process =
                new ProcessBuilder(
                                program.toString(),
                                "--web.listen-address=" + address,
                                "--collector.disable-defaults",
                                "--collector.meminfo",
                                "--collector.cpu",
                                "--collector.processes",
                                "--collector.netdev",
                                "--collector.textfile",
                                "--collector.textfile.directory=" + textfiles,
                                "--log.level=warn")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("node-exporter.log").toFile())
                        .start();
        NodeExporter exporter = new NodeExporter(process, address, textfiles);
        try {
            LocalServer.awaitReady(
                    "node-exporter",
                    process,
                    "http://" + address + "/metrics",
                    dir.resolve("node-exporter.log"),
                    Duration.ofMinutes(1));
        } catch (Exception e) {
            exporter.close();
            throw e;
        }
        return exporter;
    }

    /** host:port, the scrape target and the {@code instance} label. */
    public String address() {
        return address;
    }

    /** Sets a gauge through the textfile collector (written whole, then moved into place). */
    public void gauge(String name, String labels, double value) throws Exception {
        Path tmp = textfiles.resolve("." + name + ".tmp");
        Files.writeString(tmp, "# TYPE " + name + " gauge\n" + name + labels + " " + value + "\n");
        Files.move(
                tmp,
                textfiles.resolve(name + ".prom"),
                java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
