package io.tributary.connector.delta.testutils;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 proxy of our own between S3 clients and {@link InJvmS3}'s server that, while armed,
 * makes some requests fail the ways S3 does: a {@code 503 Slow Down} before the request reaches the
 * store (alone, or an outage of many in a row, which outlasts the clients' retries), or a put
 * carried out and its answer lost (the connection closes before the response), which leaves the
 * client unsure whether the write happened. Every other byte passes through unchanged, so
 * signatures stay valid. It parses only what it must to find where each message ends
 * (Content-Length, chunked bodies, {@code Expect: 100-continue}).
 */
public final class FaultyS3Proxy implements Closeable {
    /**
     * Requests an outage answers with 503: three operations of the AWS SDK, at four attempts each.
     */
    public static final int OUTAGE_REQUESTS = 12;

    /** What the proxy does to a request it picks. */
    public enum Fault {
        SLOW_DOWN("answered 503 Slow Down, not carried out"),
        OUTAGE(
                "an outage of the log's commit path: its next "
                        + OUTAGE_REQUESTS
                        + " requests answered 503, more than its client retries"),
        LOG_ANSWER_LOST("a Delta log commit (put-if-absent) carried out, its answer lost"),
        FILE_ANSWER_LOST("a data file put carried out, its answer lost");

        public final String description;

        Fault(String description) {
            this.description = description;
        }
    }

    private final int upstreamPort;
    private final ServerSocket server;
    private final Map<Fault, AtomicInteger> injected = new ConcurrentHashMap<>();
    private final Map<Fault, AtomicLong> seen = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());
    private volatile Map<Fault, Integer> every = Map.of();
    private volatile int budget;
    private int outageLeft;

    FaultyS3Proxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        for (Fault f : Fault.values()) {
            injected.put(f, new AtomicInteger());
            seen.put(f, new AtomicLong());
        }
        Thread acceptor = new Thread(this::accept, "faulty-s3-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * From now on fails every n-th request of each kind the schedule names ({@link Fault#SLOW_DOWN}
     * and {@link Fault#OUTAGE}: any request; the others: puts of log entries or of other files), at
     * most {@code faults} of each kind. Counting, not chance, picks them, so a run is repeatable.
     * {@code disarm()} lets everything through again.
     */
    public void arm(Map<Fault, Integer> everyNth, int faults) {
        seen.values().forEach(n -> n.set(0));
        this.budget = faults;
        this.every = Map.copyOf(everyNth);
    }

    public synchronized void disarm() {
        this.every = Map.of();
        // An outage begun by the job's last requests would otherwise go on into the reads that
        // check its result.
        this.outageLeft = 0;
    }

    public int injected(Fault fault) {
        return injected.get(fault).get();
    }

    /** Each fault and the request it hit, in order. */
    public List<String> journal() {
        return List.copyOf(journal);
    }

    /** Requests the proxy has seen, faulted or not. */
    public long requests() {
        return requests.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client), "faulty-s3-proxy-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /**
     * The Delta log's commits and listings go through the AWS SDK v2 client, the data files through
     * Hadoop's S3A: an outage hits the former, whose failure fails the commit and restarts the job.
     * (S3A retries 503s with backoffs long enough to outlast Flink's task cancellation.)
     */
    private synchronized Fault pick(Head request) {
        String[] parts = request.startLine.split(" ");
        boolean logClient = request.header("user-agent").contains("aws-sdk-java/2");
        if (outageLeft > 0 && logClient) {
            outageLeft--;
            return Fault.SLOW_DOWN;
        }
        Fault lost =
                parts[1].contains("_delta_log/") ? Fault.LOG_ANSWER_LOST : Fault.FILE_ANSWER_LOST;
        List<Fault> candidates = new ArrayList<>();
        if ("PUT".equals(parts[0])) {
            candidates.add(lost);
        }
        if (logClient) {
            candidates.add(Fault.OUTAGE);
        }
        candidates.add(Fault.SLOW_DOWN);
        for (Fault fault : candidates) {
            Integer n = every.get(fault);
            if (n != null
                    && seen.get(fault).incrementAndGet() % n == 0
                    && injected.get(fault).get() < budget) {
                injected.get(fault).incrementAndGet();
                journal.add(fault + " " + parts[0] + " " + parts[1]);
                if (fault == Fault.OUTAGE) {
                    outageLeft = OUTAGE_REQUESTS - 1;
                    return Fault.SLOW_DOWN;
                }
                return fault;
            }
        }
        return null;
    }

    private void serve(Socket client) {
        try (client;
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            InputStream fromClient = client.getInputStream();
            OutputStream toClient = client.getOutputStream();
            InputStream fromStore = upstream.getInputStream();
            OutputStream toStore = upstream.getOutputStream();
            while (true) {
                Head request = Head.read(fromClient);
                if (request == null) {
                    return;
                }
                requests.incrementAndGet();
                String method = request.startLine.split(" ")[0];
                Fault fault = pick(request);
                boolean answerLost =
                        fault == Fault.LOG_ANSWER_LOST || fault == Fault.FILE_ANSWER_LOST;
                if (fault == Fault.SLOW_DOWN) {
                    byte[] body =
                            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
                                            + "<Message>Please reduce your request rate.</Message></Error>")
                                    .getBytes(StandardCharsets.UTF_8);
                    toClient.write(
                            ("HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: "
                                            + body.length
                                            + "\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                    toClient.write(body);
                    toClient.flush();
                    return;
                }
                toStore.write(request.bytes);
                Head response;
                if (request.expectsContinue()) {
                    toStore.flush();
                    response = Head.read(fromStore);
                    if (response == null) {
                        return;
                    }
                    if (response.status() == 100) {
                        toClient.write(response.bytes);
                        toClient.flush();
                        copyBody(request, fromClient, toStore);
                        toStore.flush();
                        response = Head.read(fromStore);
                    } else { // answered before the body: the connection cannot be reused
                        byte[] body = readBody(response, method, fromStore);
                        if (!answerLost) {
                            toClient.write(response.bytes);
                            toClient.write(body);
                            toClient.flush();
                        }
                        return;
                    }
                } else {
                    copyBody(request, fromClient, toStore);
                    toStore.flush();
                    response = Head.read(fromStore);
                }
                while (response != null
                        && response.status() / 100 == 1) { // other interim answers pass through
                    toClient.write(response.bytes);
                    response = Head.read(fromStore);
                }
                if (response == null) {
                    return;
                }
                byte[] body = readBody(response, method, fromStore);
                if (answerLost) {
                    return; // the store did it; the client never hears so
                }
                toClient.write(response.bytes);
                toClient.write(body);
                toClient.flush();
                if (response.closes() || request.closes()) {
                    return;
                }
            }
        } catch (IOException e) {
            // a client or the store closed the connection: nothing to pass on
        }
    }

    private static void copyBody(Head request, InputStream in, OutputStream out)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        readBody(request, in, body, false);
        body.writeTo(out);
    }

    private static byte[] readBody(Head response, String method, InputStream in)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status = response.status();
        if ("HEAD".equals(method) || status == 204 || status == 304) {
            return body.toByteArray();
        }
        readBody(response, in, body, true);
        return body.toByteArray();
    }

    /** Reads one message body as sent (chunk framing included) into {@code out}. */
    private static void readBody(
            Head head, InputStream in, ByteArrayOutputStream out, boolean untilCloseIfUnframed)
            throws IOException {
        if (head.header("transfer-encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
            while (true) {
                String sizeLine = readLine(in);
                out.write((sizeLine + "\r\n").getBytes(StandardCharsets.US_ASCII));
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    String trailer;
                    do {
                        trailer = readLine(in);
                        out.write((trailer + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    } while (!trailer.isEmpty());
                    return;
                }
                copyExactly(in, out, size + 2); // the chunk and its CRLF
            }
        }
        String length = head.header("content-length");
        if (!length.isEmpty()) {
            copyExactly(in, out, Long.parseLong(length.trim()));
        } else if (untilCloseIfUnframed) {
            in.transferTo(out);
        }
    }

    private static void copyExactly(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buffer = new byte[8192];
        while (n > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
            if (read < 0) {
                throw new IOException("connection closed mid-body");
            }
            out.write(buffer, 0, read);
            n -= read;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r'
                        ? line.substring(0, end - 1)
                        : line.toString();
            }
            line.append((char) c);
        }
        if (line.length() == 0) {
            return null;
        }
        throw new IOException("connection closed mid-line");
    }

    /** A request or response line with its headers, and the bytes they were read from. */
    private static final class Head {
        final String startLine;
        final List<String> headers;
        final byte[] bytes;

        private Head(String startLine, List<String> headers, byte[] bytes) {
            this.startLine = startLine;
            this.headers = headers;
            this.bytes = bytes;
        }

        static Head read(InputStream in) throws IOException {
            String start = readLine(in);
            if (start == null) {
                return null;
            }
            StringBuilder raw = new StringBuilder(start).append("\r\n");
            List<String> headers = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null && !line.isEmpty()) {
                headers.add(line);
                raw.append(line).append("\r\n");
            }
            raw.append("\r\n");
            return new Head(start, headers, raw.toString().getBytes(StandardCharsets.ISO_8859_1));
        }

        String header(String name) {
            for (String h : headers) {
                int colon = h.indexOf(':');
                if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return h.substring(colon + 1).trim();
                }
            }
            return "";
        }

        int status() {
            return Integer.parseInt(startLine.split(" ")[1]);
        }

        boolean expectsContinue() {
            return header("expect").equalsIgnoreCase("100-continue");
        }

        boolean closes() {
            return header("connection").equalsIgnoreCase("close");
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
