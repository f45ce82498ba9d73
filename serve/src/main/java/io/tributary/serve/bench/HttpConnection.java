package io.tributary.serve.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.flink.annotation.Internal;

/**
 * One HTTP/1.1 keep-alive connection for the load, on a blocking socket: a GET, then its whole
 * answer read (by Content-Length or chunked). Java's HttpClient is not used: its pooled connections
 * left a request unanswered about once in a million at this rate (the server had answered it), and
 * its overhead was a third of the loop's CPU.
 */
@Internal
final class HttpConnection implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = (int) ClosedLoopLoad.TIMEOUT.toMillis();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    HttpConnection(URI uri) throws IOException {
        this.socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream(), 65536);
        this.out = socket.getOutputStream();
        this.host = uri.getHost() + ":" + uri.getPort();
    }

    /** Sends a GET of the address and reads its whole answer; returns the status. */
    int get(URI uri) throws IOException {
        out.write(
                ("GET "
                                + uri.getRawPath()
                                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                                + " HTTP/1.1\r\nHost: "
                                + host
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String h = header.toLowerCase(Locale.ROOT);
            if (h.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).trim());
            } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                chunked = true;
            } else if (h.startsWith("connection:") && h.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16);
                    size > 0;
                    size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                skip(size);
                line();
            }
            line();
        } else if (length > 0) {
            skip(length);
        }
        if (close) {
            throw new EOFException("the server closed the connection");
        }
        return status;
    }

    private void skip(long bytes) throws IOException {
        in.skipNBytes(bytes);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the answer ended early");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a connection the load no longer needs
        }
    }
}
