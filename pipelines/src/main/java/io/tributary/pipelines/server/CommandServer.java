package io.tributary.pipelines.server;

import io.tributary.pipelines.cli.TributaryCli;
import io.tributary.pipelines.runtime.EmbeddedCluster;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.VisibleForTesting;

/**
 * Runs commands in this warm JVM for the launcher's {@link ServerClient}: one at a time, each as a
 * JVM started for it would run it (same build, working directory and environment, or the client
 * runs it itself, see {@link ServerPolicy}), with its output streamed back. The embedded Flink
 * cluster, the loaded classes and the compiled code stay between commands: that is the point.
 *
 * <p>The socket lies in a folder only its user can open. The server stops on request, after {@code
 * idle} without a command, or when a client of another build asks (it would never serve it).
 * Cancelling a command (Ctrl-C in the client) cancels the jobs it started and interrupts it; one
 * that does not end within {@link ServedCommand#CANCEL_GRACE} stops the server, as Ctrl-C stops a
 * command's own JVM.
 */
@Internal
public final class CommandServer implements AutoCloseable {
    private final Path dir;
    private final Path socket;
    private final Duration idle;
    private final PrintStream log;
    private final ServerSocketChannel channel;
    private final String cwd = System.getProperty("user.dir");
    private final Map<String, String> env = System.getenv();
    private final Semaphore oneCommand = new Semaphore(1);
    private final Instant started = Instant.now();
    private volatile Instant lastCommand = Instant.now();
    private volatile boolean stopping;
    private volatile int served;
    private volatile boolean warmingUp;
    private volatile Thread warmUp;
    private final AtomicBoolean warmUpStopped = new AtomicBoolean();

    /** What a command that does not end when cancelled does to the server: stops its JVM. */
    private final Runnable stuck;

    private CommandServer(Path dir, Duration idle, PrintStream log, Runnable stuck)
            throws IOException {
        this.dir = dir;
        this.stuck = stuck;
        this.socket = ServerProtocol.socket(dir);
        this.idle = idle;
        this.log = log;
        this.channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(socket));
        Files.deleteIfExists(ServerProtocol.starting(dir));
    }

    /**
     * A server bound to the socket in {@code dir}, which it creates for its user alone.
     *
     * @throws IllegalStateException when a server answers there already
     */
    public static CommandServer bind(Path dir, Duration idle, PrintStream log) throws IOException {
        return bind(dir, idle, log, () -> System.exit(130));
    }

    @VisibleForTesting
    static CommandServer bind(Path dir, Duration idle, PrintStream log, Runnable stuck)
            throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path socket = checkSocketPath(dir);
        if (Files.exists(socket)) {
            if (answers(socket)) {
                throw new IllegalStateException("a command server runs already (" + dir + ")");
            }
            Files.delete(socket); // left by a server that was killed
        }
        return new CommandServer(dir, idle, log, stuck);
    }

    /**
     * The socket's path in {@code dir}.
     *
     * @throws IllegalStateException when the path is too long for a Unix socket
     */
    public static Path checkSocketPath(Path dir) {
        Path socket = ServerProtocol.socket(dir);
        if (socket.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length > 100) {
            throw new IllegalStateException(
                    "the server's socket path is too long for a Unix socket: "
                            + socket
                            + "; set "
                            + ServerProtocol.DIR_VARIABLE
                            + " to a shorter folder");
        }
        return socket;
    }

    private static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Serves until stopped; returns once the socket is closed. With {@code warmUp}, first runs that
     * command line (a training run: backfills of made-up lines and a query in a temporary folder)
     * so that the first command finds compiled code. The first command that comes meanwhile stops
     * the warm-up and runs at once: it warms the JVM as well, and beside the warm-up on the same
     * cores in a JVM of its own it would take twice as long (docs/benchmarks.md, "Session 28").
     */
    public void serve(List<String> warmUp) throws IOException {
        Thread watchdog = new Thread(this::stopWhenIdle, "tributary-server-idle");
        watchdog.setDaemon(true);
        watchdog.start();
        if (!warmUp.isEmpty()) {
            oneCommand.acquireUninterruptibly();
            warmingUp = true;
            Thread warming =
                    new Thread(
                            () -> {
                                try {
                                    int code = TributaryCli.execute(warmUp.toArray(new String[0]));
                                    log.println(
                                            Instant.now()
                                                    + (warmUpStopped.get()
                                                            ? " warm-up stopped for a command"
                                                            : " warmed up")
                                                    + " (exit code "
                                                    + code
                                                    + ")");
                                } finally {
                                    this.warmUp = null;
                                    warmingUp = false;
                                    lastCommand = Instant.now();
                                    oneCommand.release();
                                }
                            },
                            "tributary-server-warm-up");
            warming.setDaemon(true);
            this.warmUp = warming;
            warming.start();
        }
        log.println(Instant.now() + " serving on " + socket);
        try {
            while (!stopping) {
                SocketChannel client;
                try {
                    client = channel.accept();
                } catch (IOException e) {
                    if (stopping) {
                        break;
                    }
                    throw e;
                }
                Thread handler = new Thread(() -> handle(client), "tributary-server-request");
                handler.setDaemon(true);
                handler.start();
            }
        } finally {
            // A command that runs ends first: stopping must not cut it short.
            oneCommand.acquireUninterruptibly();
            oneCommand.release();
            close();
        }
    }

    private void stopWhenIdle() {
        while (!stopping) {
            try {
                TimeUnit.SECONDS.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            boolean idleLongEnough =
                    Duration.between(lastCommand, Instant.now()).compareTo(idle) > 0;
            if (idleLongEnough && oneCommand.availablePermits() == 1) {
                log.println(Instant.now() + " idle for " + idle + ": stopping");
                stop();
            }
        }
    }

    private void handle(SocketChannel client) {
        try (client;
                FrameWriter out = new FrameWriter(client)) {
            DataInputStream in =
                    new DataInputStream(new BufferedInputStream(ServerProtocol.in(client)));
            ServerProtocol.Request request = ServerProtocol.Request.read(in);
            if (request == null) {
                out.write(ServerProtocol.DECLINED, "another client version");
            } else if (request.kind == ServerProtocol.STATUS) {
                out.write(ServerProtocol.OUT, status());
                out.exit(0);
            } else if (request.kind == ServerProtocol.STOP) {
                out.write(ServerProtocol.OUT, "stopping the command server\n");
                out.exit(0);
                stop();
            } else {
                run(request, in, out);
            }
        } catch (EOFException probe) {
            // a connection that asked nothing: another start looking for a running server
        } catch (IOException | RuntimeException e) {
            log.println(Instant.now() + " a request failed: " + e);
        }
    }

    private void run(ServerProtocol.Request request, DataInputStream in, FrameWriter out) {
        if (ServerPolicy.anotherBuild(request, env)) {
            out.write(ServerProtocol.DECLINED, "another build: the server stops");
            log.println(Instant.now() + " a client of another build: stopping");
            stop();
            return;
        }
        Optional<String> declined = ServerPolicy.declines(request, cwd, env);
        if (declined.isEmpty() && !oneCommand.tryAcquire() && !takeOverFromWarmUp()) {
            declined = Optional.of("busy with another command");
        } else if (declined.isEmpty() && stopping) {
            oneCommand.release();
            declined = Optional.of("stopping");
        }
        if (declined.isPresent()) {
            out.write(ServerProtocol.DECLINED, declined.get());
            return;
        }
        int code;
        try {
            code = new ServedCommand(request.args, out, log, stuck).run(in);
            served++;
        } finally {
            lastCommand = Instant.now();
            oneCommand.release();
        }
        // Free before the client hears the end: it may send its next command at once.
        out.exit(code);
    }

    /**
     * Stops the warm-up for the command that came first during it, and waits until the warm-up has
     * let go (its jobs cancelled, its thread interrupted — again until it ends, as planning may
     * swallow an interrupt); true once this command may run. Any later one is busy as usual.
     */
    private boolean takeOverFromWarmUp() {
        Thread warming = warmUp;
        if (warming == null) {
            return oneCommand.tryAcquire(); // it ended meanwhile
        }
        if (!warmUpStopped.compareAndSet(false, true)) {
            return false;
        }
        log.println(Instant.now() + " a command came: stopping the warm-up");
        long deadline = System.nanoTime() + ServedCommand.CANCEL_GRACE.toNanos();
        try {
            do {
                warming.interrupt();
                EmbeddedCluster.cancelRunningJobsBut(Set.of(), Duration.ZERO);
                if (oneCommand.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            } while (System.nanoTime() < deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.println(Instant.now() + " stopping the warm-up: " + e);
        }
        return false;
    }

    private String status() {
        return String.format(
                "command server: %s since %s, %d command(s) served, the last at %s;"
                        + " stops after %d minutes without one%n  folder: %s%n",
                warmingUp ? "warming up" : "ready",
                started.truncatedTo(ChronoUnit.SECONDS),
                served,
                lastCommand.truncatedTo(ChronoUnit.SECONDS),
                idle.toMinutes(),
                dir);
    }

    /** Stops accepting; a command that runs finishes first. */
    public void stop() {
        stopping = true;
        try {
            channel.close();
        } catch (IOException e) {
            log.println(Instant.now() + " closing the socket: " + e);
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        Files.deleteIfExists(socket);
        Files.deleteIfExists(ServerProtocol.starting(dir));
    }
}
