package io.tributary.pipelines.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.flink.annotation.Internal;

/**
 * Sends a client its frames from one thread of its own. Whatever thread prints — the command's, or
 * one of Flink's — only queues: a thread interrupted while writing a socket channel would close it
 * (cancelling a command interrupts it), and the client would lose the rest of the output.
 */
@Internal
final class FrameWriter implements AutoCloseable {
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> frames = new ArrayBlockingQueue<>(256);
    private final Thread thread;
    private volatile IOException failed;

    FrameWriter(SocketChannel channel) {
        this.thread =
                new Thread(
                        () -> {
                            try {
                                for (byte[] frame = take(); frame != END; frame = take()) {
                                    ByteBuffer buffer = ByteBuffer.wrap(frame);
                                    while (buffer.hasRemaining()) {
                                        channel.write(buffer);
                                    }
                                }
                            } catch (IOException e) {
                                failed = e; // the client is gone; later frames go nowhere
                                frames.clear();
                            }
                        },
                        "tributary-server-frames");
        thread.setDaemon(true);
        thread.start();
    }

    void write(byte type, byte[] payload, int offset, int length) {
        if (failed != null) {
            return;
        }
        ByteBuffer frame = ByteBuffer.allocate(5 + length);
        frame.put(type).putInt(length).put(payload, offset, length);
        put(frame.array());
    }

    void write(byte type, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(type, bytes, 0, bytes.length);
    }

    void exit(int code) {
        write(ServerProtocol.EXIT, ByteBuffer.allocate(4).putInt(code).array(), 0, 4);
    }

    /** Bytes written as frames of one type. */
    OutputStream stream(byte type) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                FrameWriter.this.write(type, new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (len > 0) {
                    FrameWriter.this.write(type, b, off, len);
                }
            }
        };
    }

    /** Sends what is queued, then returns. */
    @Override
    public void close() {
        put(END);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues a frame, unless the client is gone; an interrupt is kept for later, not obeyed. */
    private void put(byte[] frame) {
        boolean interrupted = false;
        while (failed == null) {
            try {
                if (frames.offer(frame, 100, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] take() {
        while (true) {
            try {
                return frames.take();
            } catch (InterruptedException e) {
                // nobody interrupts this thread on purpose; keep sending
            }
        }
    }
}
