package io.tributary.pipelines.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.annotation.Internal;

/**
 * The launcher's side of the command server: hands a command to the server running for this
 * installation, prints what it writes, and exits with its exit code. Exits with {@link
 * ServerProtocol#NOT_TAKEN}, having printed nothing, when there is no server or it does not take
 * the command; the launcher then runs the command itself. Ctrl-C asks the server to cancel the
 * command.
 *
 * <p>Arguments: {@code run <command args…>}, {@code status} or {@code stop}. The folder comes from
 * {@link ServerProtocol#DIR_VARIABLE}.
 */
@Internal
public final class ServerClient {
    private ServerClient() {}

    public static void main(String[] args) throws IOException {
        String dir = System.getenv(ServerProtocol.DIR_VARIABLE);
        if (dir == null || args.length == 0) {
            System.exit(ServerProtocol.NOT_TAKEN);
        }
        byte kind =
                args[0].equals("status")
                        ? ServerProtocol.STATUS
                        : args[0].equals("stop") ? ServerProtocol.STOP : ServerProtocol.RUN;
        List<String> command = Arrays.asList(args).subList(1, args.length);
        CompletableFuture<Void> interrupted = new CompletableFuture<>();
        CountDownLatch answered = new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            interrupted.complete(null);
                            try {
                                // the server says how the command ended, then the JVM exits
                                answered.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "tributary-client-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        int code;
        try {
            code = call(Path.of(dir), request(kind, command), System.out, System.err, interrupted);
        } finally {
            answered.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ctrlC) {
            return; // the JVM exits as Ctrl-C has it, once the hook returns
        }
        System.exit(code);
    }

    /** A request from this JVM: its working directory and environment. */
    static ServerProtocol.Request request(byte kind, List<String> args) {
        return new ServerProtocol.Request(
                kind, System.getProperty("user.dir"), new TreeMap<>(System.getenv()), args);
    }

    /**
     * Sends a request and copies the answer's output to {@code out} and {@code err}.
     *
     * @return the command's exit code, or {@link ServerProtocol#NOT_TAKEN}
     */
    static int call(
            Path dir,
            ServerProtocol.Request request,
            PrintStream out,
            PrintStream err,
            CompletableFuture<?> cancel)
            throws IOException {
        Path socket = ServerProtocol.socket(dir);
        awaitStartingServer(dir);
        if (!Files.exists(socket)) {
            return ServerProtocol.NOT_TAKEN;
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (ConnectException refused) {
            // A server that was killed left its socket: nothing listens there any more.
            Files.deleteIfExists(socket);
            return ServerProtocol.NOT_TAKEN;
        } catch (IOException e) {
            return ServerProtocol.NOT_TAKEN;
        }
        try (channel) {
            DataOutputStream requests =
                    new DataOutputStream(
                            new BufferedOutputStream(ServerProtocol.out(channel), 8192));
            request.write(requests);
            cancel.thenRun(
                    () -> {
                        try {
                            ServerProtocol.writeFrame(
                                    requests, ServerProtocol.CANCEL, new byte[0], 0, 0);
                        } catch (IOException e) {
                            // the server is gone: nothing of the command runs
                        }
                    });
            DataInputStream answers =
                    new DataInputStream(new BufferedInputStream(ServerProtocol.in(channel), 65536));
            return copyAnswer(answers, out, err, request.env.containsKey(VERBOSE));
        }
    }

    /** How long a server started in the background may take to bind its socket. */
    private static final long START_PATIENCE_MILLIS = 15_000;

    /**
     * Waits while a server that a command has just started in the background (see {@link
     * ServerProtocol#starting}) lives and has not bound its socket yet, a second or two: the
     * command then goes to it rather than run in a JVM of its own beside the server's warm-up on
     * the same cores.
     */
    private static void awaitStartingServer(Path dir) throws IOException {
        Path starting = ServerProtocol.starting(dir);
        long deadline = System.currentTimeMillis() + START_PATIENCE_MILLIS;
        while (!Files.exists(ServerProtocol.socket(dir))
                && System.currentTimeMillis() < deadline
                && startingServerLives(starting)) {
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean startingServerLives(Path starting) throws IOException {
        String pid;
        try {
            pid = Files.readString(starting, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return false;
        }
        boolean lives;
        try {
            lives = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            lives = false;
        }
        if (!lives) {
            Files.deleteIfExists(starting); // a server that died before it bound its socket
        }
        return lives;
    }

    /** Set, the client says why the server declined a command. */
    static final String VERBOSE = "TRIBUTARY_SERVER_VERBOSE";

    private static int copyAnswer(
            DataInputStream answers, PrintStream out, PrintStream err, boolean explain)
            throws IOException {
        boolean wrote = false;
        while (true) {
            int type = answers.read();
            if (type < 0) {
                // The server went away mid-command: say so rather than exit as if it succeeded.
                if (!wrote) {
                    return ServerProtocol.NOT_TAKEN;
                }
                err.println("tributary: the command server stopped before the command ended");
                return 1;
            }
            byte[] payload = ServerProtocol.payload(answers);
            switch (type) {
                case ServerProtocol.OUT:
                    out.write(payload);
                    out.flush();
                    wrote = true;
                    break;
                case ServerProtocol.ERR:
                    err.write(payload);
                    err.flush();
                    wrote = true;
                    break;
                case ServerProtocol.EXIT:
                    return ServerProtocol.exitCode(payload);
                case ServerProtocol.DECLINED:
                    if (explain) {
                        err.println(
                                "tributary: the command server declined: "
                                        + new String(payload, StandardCharsets.UTF_8));
                    }
                    return ServerProtocol.NOT_TAKEN;
                default:
                    throw new IOException("unknown frame " + type + " from the command server");
            }
        }
    }

    /**
     * Asks the server for its {@code status}, or to {@code stop}.
     *
     * @return 0, or {@link ServerProtocol#NOT_TAKEN} when no server answers
     */
    public static int ask(Path dir, String what, PrintStream out) throws IOException {
        byte kind = what.equals("stop") ? ServerProtocol.STOP : ServerProtocol.STATUS;
        return call(dir, request(kind, List.of()), out, out, new CompletableFuture<>());
    }
}
