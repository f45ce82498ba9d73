package io.tributary.connector.delta.internal;

import io.tributary.connector.delta.testutils.InJvmS3;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The primitive a Delta commit stands on: of several writers of one log version, exactly one
 * succeeds and the others learn that the version exists. On a local disk the writers race at the
 * same moment (hard link). On S3 the conditional put is shown one writer after another: S3Proxy
 * evaluates If-None-Match before it stores the object, not atomically with it as AWS S3 does, so
 * a simultaneous race against it would test S3Proxy's own check, not ours.
 */
class LogPutIfAbsentITCase {
    private static final int WRITERS = 6;
    private static InJvmS3 s3;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = new InJvmS3("lake");
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Test
    void onS3APutOfAnExistingVersionFailsAndLeavesTheWinnersFile() throws Exception {
        FlinkFileIO io = new FlinkFileIO(Map.of());
        String path = "s3://lake/sequential/_delta_log/00000000000000000000.json";
        io.newOutputFile(path).writeAtomically(Iterators.closeable(List.of("{\"writer\":1}").iterator()), false);
        assertThatThrownBy(() -> io.newOutputFile(path)
                .writeAtomically(Iterators.closeable(List.of("{\"writer\":2}").iterator()), false))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(read(io, path)).isEqualTo("{\"writer\":1}\n");
        assertThat(s3.blobs().blobExists("lake", "sequential/_delta_log/00000000000000000000.json")).isTrue();
    }

    @Test
    void ofWritersRacingForOneVersionOnALocalDiskExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String path = dir.toUri() + "race" + String.format("/_delta_log/%020d.json", round);
            FlinkFileIO io = new FlinkFileIO(Map.of());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String content = "{\"writer\":" + w + "}";
                attempts.add(pool.submit(() -> {
                    start.await();
                    try {
                        io.newOutputFile(path).writeAtomically(Iterators.closeable(List.of(content).iterator()), false);
                        return true;
                    } catch (FileAlreadyExistsException e) {
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
            assertThat(winners).as("round %d", round).hasSize(1);
            assertThat(read(io, path)).isEqualTo("{\"writer\":" + winners.get(0) + "}\n");
        }
    }

    private static String read(FlinkFileIO io, String path) throws Exception {
        try (InputStream in = io.newInputFile(path, -1).newStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
