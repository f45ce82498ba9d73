package io.tributary.pipelines.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher's client does when no server answers. */
class ServerClientTest {
    @TempDir Path dir;

    @Test
    void withoutAServerNothingIsTakenAndNothingPrinted() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int code = ServerClient.ask(dir, "status", new PrintStream(printed, true, UTF_8));

        assertThat(code).isEqualTo(ServerProtocol.NOT_TAKEN);
        assertThat(printed.size()).isZero();
    }

    @Test
    void aServerThatDiedBeforeItListenedIsForgotten() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(ServerProtocol.starting(dir), Long.toString(gone.pid()));

        int code =
                ServerClient.call(
                        dir,
                        ServerClient.request(ServerProtocol.RUN, List.of("sql", "SELECT 1")),
                        new PrintStream(new ByteArrayOutputStream(), true, UTF_8),
                        new PrintStream(new ByteArrayOutputStream(), true, UTF_8),
                        new CompletableFuture<>());

        assertThat(code).isEqualTo(ServerProtocol.NOT_TAKEN);
        assertThat(ServerProtocol.starting(dir))
                .as("the launcher may start another server")
                .doesNotExist();
    }

    @Test
    void aSocketNobodyListensOnIsRemoved() throws Exception {
        // What a killed server leaves: the socket file, bound by no one.
        try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.bind(UnixDomainSocketAddress.of(ServerProtocol.socket(dir)));
        }
        assertThat(ServerProtocol.socket(dir)).exists();

        int code = ServerClient.ask(dir, "status", new PrintStream(new ByteArrayOutputStream()));

        assertThat(code).isEqualTo(ServerProtocol.NOT_TAKEN);
        assertThat(ServerProtocol.socket(dir)).doesNotExist();
    }
}
