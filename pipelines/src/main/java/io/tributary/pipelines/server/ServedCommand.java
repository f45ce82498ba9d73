package io.tributary.pipelines.server;

import io.tributary.pipelines.cli.TributaryCli;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.runtime.EmbeddedCluster;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.JobID;

/**
 * One command of the {@link CommandServer}, with its output sent to the client as frames and
 * cancelled when the client asks: its jobs on the shared cluster are cancelled and its thread
 * interrupted; if it has not ended after {@link #CANCEL_GRACE}, {@code stuck} stops the server.
 */
@Internal
final class ServedCommand {
    /** How long a cancelled command may take to end before the server stops. */
    static final Duration CANCEL_GRACE = Duration.ofSeconds(20);

    private final String[] args;
    private final FrameWriter out;
    private final PrintStream log;
    private final Runnable stuck;
    private final CountDownLatch ended = new CountDownLatch(1);

    ServedCommand(List<String> args, FrameWriter out, PrintStream log, Runnable stuck) {
        this.args = args.toArray(new String[0]);
        this.out = out;
        this.log = log;
        this.stuck = stuck;
    }

    int run(DataInputStream in) {
        Set<JobID> before = jobs();
        Thread worker = Thread.currentThread();
        Thread listener =
                new Thread(() -> cancelOnRequest(in, worker, before), "tributary-server-cancel");
        listener.setDaemon(true);
        PrintStream commandOut = frames(ServerProtocol.OUT);
        PrintStream commandErr = frames(ServerProtocol.ERR);
        PrintStream serverOut = System.out;
        PrintStream serverErr = System.err;
        int code;
        System.setOut(commandOut);
        System.setErr(commandErr);
        Logging.reset();
        listener.start();
        try {
            code = TributaryCli.execute(args);
        } finally {
            ended.countDown();
            commandOut.flush();
            commandErr.flush();
            System.setOut(serverOut);
            System.setErr(serverErr);
            Logging.reset();
        }
        Thread.interrupted(); // a cancel that came as the command ended
        cancelJobsBut(before); // a command that ended leaves no job of its own running
        return code;
    }

    private PrintStream frames(byte type) {
        return new PrintStream(
                new BufferedOutputStream(out.stream(type), 8192), true, StandardCharsets.UTF_8);
    }

    /** Reads the client's cancel, or its end (the client was killed), while the command runs. */
    private void cancelOnRequest(DataInputStream in, Thread worker, Set<JobID> before) {
        try {
            int frame = in.read();
            if (frame != ServerProtocol.CANCEL && frame != -1) {
                return;
            }
        } catch (IOException e) {
            // the client is gone: as good as a cancel
        }
        if (ended.getCount() == 0) {
            return;
        }
        log.println(Instant.now() + " cancelling: " + String.join(" ", args));
        cancelJobsBut(before);
        worker.interrupt();
        try {
            ended.await(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ended.getCount() > 0) {
            log.println(Instant.now() + " the command did not end when cancelled: stopping");
            stuck.run();
        }
    }

    private Set<JobID> jobs() {
        try {
            return EmbeddedCluster.sharedClusterJobs();
        } catch (Exception e) {
            throw new IllegalStateException("listing the embedded cluster's jobs", e);
        }
    }

    private void cancelJobsBut(Set<JobID> before) {
        try {
            EmbeddedCluster.cancelRunningJobsBut(before, CANCEL_GRACE);
        } catch (Exception e) {
            log.println(Instant.now() + " cancelling the command's jobs: " + e);
        }
    }
}
