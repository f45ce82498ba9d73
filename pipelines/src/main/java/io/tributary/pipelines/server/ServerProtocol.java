package io.tributary.pipelines.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;

/**
 * What the launcher's client and the command server say to each other over the server's Unix
 * socket. The client sends one request: its kind, working directory, environment and arguments. The
 * server answers with frames — standard output and error as the command writes them, then its exit
 * code — or declines, and the client runs nothing: the launcher then runs the command itself. While
 * a command runs, the client may send one frame: cancel (Ctrl-C).
 *
 * <p>Only the JDK here and in {@link ServerClient}: the client starts in a small JVM of its own, in
 * a tenth of a second.
 */
@Internal
public final class ServerProtocol {
    private ServerProtocol() {}

    /**
     * Changed whenever a request or a frame changes: a server and client of other versions part.
     */
    static final int VERSION = 1;

    /** The client's exit code when the server did not take the command: the launcher runs it. */
    public static final int NOT_TAKEN = 254;

    /** The environment variable naming the server's folder; the launcher sets it. */
    public static final String DIR_VARIABLE = "TRIBUTARY_SERVER_DIR";

    /** Request kinds. */
    static final byte RUN = 'r';

    static final byte STATUS = 's';
    static final byte STOP = 'q';

    /** Frames from the server. */
    static final byte OUT = 'o';

    static final byte ERR = 'e';
    static final byte EXIT = 'x';
    static final byte DECLINED = 'd';

    /** The frame from the client. */
    static final byte CANCEL = 'c';

    /** The server's socket in its folder. */
    static Path socket(Path dir) {
        return dir.resolve("socket");
    }

    /**
     * The process id of a server started in the background that has not bound its socket yet; the
     * server removes the file once it has (and when it stops).
     */
    public static Path starting(Path dir) {
        return dir.resolve("starting");
    }

    /** A request as it is read. */
    static final class Request {
        final byte kind;
        final String cwd;
        final Map<String, String> env;
        final List<String> args;

        Request(byte kind, String cwd, Map<String, String> env, List<String> args) {
            this.kind = kind;
            this.cwd = cwd;
            this.env = env;
            this.args = args;
        }

        void write(DataOutputStream out) throws IOException {
            out.writeInt(VERSION);
            out.writeByte(kind);
            writeString(out, cwd);
            out.writeInt(env.size());
            for (Map.Entry<String, String> e : env.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
            out.writeInt(args.size());
            for (String arg : args) {
                writeString(out, arg);
            }
            out.flush();
        }

        /** The request, or null from a client of another version. */
        static Request read(DataInputStream in) throws IOException {
            if (in.readInt() != VERSION) {
                return null;
            }
            byte kind = in.readByte();
            String cwd = readString(in);
            int vars = in.readInt();
            Map<String, String> env = new LinkedHashMap<>();
            for (int i = 0; i < vars; i++) {
                env.put(readString(in), readString(in));
            }
            int count = in.readInt();
            List<String> args = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                args.add(readString(in));
            }
            return new Request(kind, cwd, env, args);
        }
    }

    /** Writes one frame: its type, the length of its payload, the payload. */
    static void writeFrame(DataOutputStream out, byte type, byte[] payload, int offset, int length)
            throws IOException {
        synchronized (out) {
            out.writeByte(type);
            out.writeInt(length);
            out.write(payload, offset, length);
            out.flush();
        }
    }

    static int exitCode(byte[] payload) {
        return ByteBuffer.wrap(payload).getInt();
    }

    static byte[] payload(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 16 << 20) {
            throw new IOException("a string of " + length + " bytes in a request");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The channel as streams that read and write it directly: one thread may read while another
     * writes (the JDK's channel streams would hold one lock for both).
     */
    static InputStream in(SocketChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return channel.read(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    static OutputStream out(SocketChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        };
    }
}
