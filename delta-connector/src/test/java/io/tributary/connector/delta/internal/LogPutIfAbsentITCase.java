package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.delta.testutils.InJvmS3;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The primitive a Delta commit stands on: of several writers of one log version at the same moment,
 * exactly one succeeds and the others fail — learning that the version exists (a hard link on a
 * local disk, a 412 answer to the conditional put on S3) or, where S3Proxy's check lets two through
 * to its store, with an error; never by overwriting the winner.
 */
class LogPutIfAbsentITCase {
    private static final int WRITERS = 6;
    @RegisterExtension static final InJvmS3 S3 = new InJvmS3("lake");

    @TempDir static Path dir;

    @Test
    void onS3APutOfAnExistingVersionFailsAndLeavesTheWinnersFile() throws Exception {
        FlinkFileIO io = new FlinkFileIO(Map.of());
        String path = "s3://lake/sequential/_delta_log/00000000000000000000.json";
        io.newOutputFile(path)
                .writeAtomically(Iterators.closeable(List.of("{\"writer\":1}").iterator()), false);
        assertThatThrownBy(
                        () ->
                                io.newOutputFile(path)
                                        .writeAtomically(
                                                Iterators.closeable(
                                                        List.of("{\"writer\":2}").iterator()),
                                                false))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(read(io, path)).isEqualTo("{\"writer\":1}\n");
        assertThat(S3.blobs().blobExists("lake", "sequential/_delta_log/00000000000000000000.json"))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "s3"})
    void ofWritersRacingForOneVersionExactlyOneWins(String store) throws Exception {
        for (int round = 0; round < 5; round++) {
            String path =
                    ("s3".equals(store) ? "s3://lake/race" : dir.toUri() + "race")
                            + String.format("/_delta_log/%020d.json", round);
            FlinkFileIO io = new FlinkFileIO(Map.of());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String content = "{\"writer\":" + w + "}";
                attempts.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    try {
                                        io.newOutputFile(path)
                                                .writeAtomically(
                                                        Iterators.closeable(
                                                                List.of(content).iterator()),
                                                        false);
                                        return true;
                                    } catch (FileAlreadyExistsException e) {
                                        return false;
                                    } catch (IOException e) {
                                        assertThat(store)
                                                .as(
                                                        "only S3Proxy's inner race ends in an error: %s",
                                                        e)
                                                .isEqualTo("s3");
                                        return false;
                                    }
                                }));
            }
            start.countDown();
            List<Integer> winners = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                if (attempts.get(w).get()) {
                    winners.add(w);
                }
            }
            pool.shutdown();
            assertThat(winners).as("round %d on %s", round, store).hasSize(1);
            assertThat(read(io, path)).isEqualTo("{\"writer\":" + winners.get(0) + "}\n");
        }
    }

    private static String read(FlinkFileIO io, String path) throws Exception {
        try (InputStream in = io.newInputFile(path, -1).newStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
