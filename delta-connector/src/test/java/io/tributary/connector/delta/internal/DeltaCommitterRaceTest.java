package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.DeltaTableReader;
import io.tributary.connector.delta.internal.RowChange.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers of one table in a forced interleaving, not a timed one: writer A has read the table
 * and built its commit when writer B commits. A's commit must then go in on top of B's, losing
 * nothing of either.
 */
class DeltaCommitterRaceTest {
    private static final RowType ROW_TYPE =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("k", DataTypes.STRING()),
                                    DataTypes.FIELD("v", DataTypes.BIGINT()))
                            .getLogicalType();

    @TempDir Path dir;

    private DeltaSinkConfig config(String sinkId, List<String> key) {
        return DeltaSinkConfig.builder()
                .tablePath(DeltaEngines.qualify(dir.resolve("t").toString()))
                .rowType(ROW_TYPE)
                .primaryKey(key)
                .changelog(true)
                .maxBufferedChanges(1_000)
                .sinkId(sinkId)
                .targetFileSize(1 << 20)
                .rowGroupSize(1 << 20)
                .maxOpenFiles(4)
                .logCheckpointInterval(10)
                .writerLeaseMillis(60_000L)
                .build();
    }

    private static DeltaCommittable change(
            long checkpoint, RowKeys keys, Kind kind, String k, long v, int count) {
        return new RowChange(
                checkpoint,
                kind,
                keys.toBytes(GenericRowData.of(StringData.fromString(k), v)),
                count);
    }

    @Test
    void aCommitThatLosesTheRaceForItsVersionGoesInOnTopOfTheWinner() throws Exception {
        RowKeys rows = new RowKeys(ROW_TYPE, List.of());
        DeltaCommitter a = new DeltaCommitter(config("a", List.of()));
        DeltaCommitter b = new DeltaCommitter(config("b", List.of()));
        a.commit(List.of(change(1, rows, Kind.COUNT, "x", 1, 1)), "a@job", 1);
        b.commit(List.of(change(1, rows, Kind.COUNT, "y", 1, 1)), "b@job", 1);

        // A retracts x = 1 and adds x = 2; B does the same to y, committing while A is about to.
        a.beforeEachCommit(
                once(
                        () ->
                                commit(
                                        b,
                                        List.of(
                                                change(2, rows, Kind.COUNT, "y", 1, -1),
                                                change(2, rows, Kind.COUNT, "y", 2, 1)),
                                        "b@job",
                                        2)));
        Optional<CommitSummary> won =
                a.commit(
                        List.of(
                                change(2, rows, Kind.COUNT, "x", 1, -1),
                                change(2, rows, Kind.COUNT, "x", 2, 1)),
                        "a@job",
                        2);

        assertThat(won).isPresent();
        assertThat(won.get().tableVersion).as("after B's version 2").isEqualTo(3);
        assertThat(rows()).containsExactly("x=2", "y=2");
    }

    @Test
    void aWriterThatFindsTheTableCreatedUnderItAppendsToIt() throws Exception {
        RowKeys rows = new RowKeys(ROW_TYPE, List.of());
        DeltaCommitter a = new DeltaCommitter(config("a", List.of()));
        DeltaCommitter b = new DeltaCommitter(config("b", List.of()));
        // A sees no table and means to create it; B creates it first.
        a.afterEachLook(
                once(() -> commit(b, List.of(change(1, rows, Kind.COUNT, "y", 1, 1)), "b@job", 1)));

        Optional<CommitSummary> won =
                a.commit(List.of(change(1, rows, Kind.COUNT, "x", 1, 1)), "a@job", 1);

        assertThat(won).isPresent();
        assertThat(won.get().tableVersion).as("after B's creation").isEqualTo(1);
        assertThat(rows()).containsExactly("x=1", "y=1");
    }

    @Test
    void anUpsertThatLosesTheRaceOnTheSameFileIsMergedAgainOnTheWinnersRows() throws Exception {
        RowKeys keyed = new RowKeys(ROW_TYPE, List.of("k"));
        DeltaCommitter a = new DeltaCommitter(config("a", List.of("k")));
        DeltaCommitter b = new DeltaCommitter(config("b", List.of("k")));
        a.commit(
                List.of(
                        change(1, keyed, Kind.UPSERT, "x", 1, 1),
                        change(1, keyed, Kind.UPSERT, "y", 1, 1)),
                "a@job",
                1);

        // Both rewrite the one file that holds x and y: A's removal of it conflicts with B's.
        a.beforeEachCommit(
                once(
                        () ->
                                commit(
                                        b,
                                        List.of(change(1, keyed, Kind.UPSERT, "y", 7, 1)),
                                        "b@job",
                                        1)));
        Optional<CommitSummary> won =
                a.commit(List.of(change(2, keyed, Kind.UPSERT, "x", 5, 1)), "a@job", 2);

        assertThat(won).isPresent();
        assertThat(won.get().retries)
                .as("A's first attempt lost to B and was built again")
                .isEqualTo(1);
        assertThat(rows()).as("B's update kept, A's applied").containsExactly("x=5", "y=7");
    }

    @Test
    void twoWritersUpsertingTheSameNewKeyLeaveOneRow() throws Exception {
        RowKeys keyed = new RowKeys(ROW_TYPE, List.of("k"));
        DeltaCommitter a = new DeltaCommitter(config("a", List.of("k")));
        DeltaCommitter b = new DeltaCommitter(config("b", List.of("k")));
        a.commit(List.of(change(1, keyed, Kind.UPSERT, "x", 1, 1)), "a@job", 1);

        // Neither finds z in the table it read; both would add it as a new row.
        a.beforeEachCommit(
                once(
                        () ->
                                commit(
                                        b,
                                        List.of(change(1, keyed, Kind.UPSERT, "z", 7, 1)),
                                        "b@job",
                                        1)));
        Optional<CommitSummary> won =
                a.commit(List.of(change(2, keyed, Kind.UPSERT, "z", 5, 1)), "a@job", 2);

        assertThat(won.orElseThrow().retries).as("A merged again on top of B's z").isEqualTo(1);
        assertThat(rows())
                .as("the later upsert of z wins; z is never doubled")
                .containsExactly("x=1", "z=5");
    }

    /**
     * The put of a commit goes in, but its answer is lost and the retry is told the version exists
     * (S3 answering a retried PUT with 409): the committer must know its own commit and keep the
     * files the merge rewrote, which that commit references.
     */
    @Test
    void aCommitWhoseAnswerWasLostKeepsTheFilesItReferences() throws Exception {
        RowKeys keyed = new RowKeys(ROW_TYPE, List.of("k"));
        DeltaSinkConfig config = config("a", List.of("k"));
        new DeltaCommitter(config)
                .commit(
                        List.of(
                                change(1, keyed, Kind.UPSERT, "x", 1, 1),
                                change(1, keyed, Kind.UPSERT, "y", 1, 1)),
                        "a@job",
                        1);

        boolean[] lost = {false};
        FlinkFileIO answerLost =
                afterTheFirstLogPut(
                        lost, t -> new java.nio.file.FileAlreadyExistsException(t.toString()));
        Optional<CommitSummary> second =
                new DeltaCommitter(config, answerLost)
                        .commit(List.of(change(2, keyed, Kind.UPSERT, "x", 5, 1)), "a@job", 2);

        assertThat(lost[0]).as("the fault was injected").isTrue();
        assertThat(second).as("taken as its own commit").isPresent();
        assertThat(
                        DeltaTableReader.read(dir.resolve("t").toString(), Map.of())
                                .orElseThrow()
                                .version())
                .as("committed once, not twice")
                .isEqualTo(second.get().tableVersion)
                .isEqualTo(1);
        assertThat(rows())
                .as("every file the log references is there")
                .containsExactly("x=5", "y=1");
    }

    /**
     * The put of a commit goes in but fails with an error that says nothing of its outcome; Kernel
     * retries, finds its version taken and gives up with "commit state unknown". The committer must
     * find its own commit by its transaction id rather than fail the job or commit twice.
     */
    @Test
    void aCommitWhoseStateKernelCannotTellIsFoundByItsTransactionId() throws Exception {
        // Plain appends, which Kernel retries itself (a merge is never retried by Kernel).
        DeltaSinkConfig config = config("a", List.of());
        new DeltaCommitter(config).commit(List.of(staged(1, "first.parquet")), "a@job", 1);

        boolean[] failed = {false};
        FlinkFileIO outcomeUnknown =
                afterTheFirstLogPut(
                        failed, t -> new java.io.IOException("connection reset after the put"));
        Optional<CommitSummary> second =
                new DeltaCommitter(config, outcomeUnknown)
                        .commit(List.of(staged(2, "second.parquet")), "a@job", 2);

        assertThat(failed[0]).as("the fault was injected").isTrue();
        assertThat(second).as("taken as its own commit").isPresent();
        assertThat(second.get().tableVersion).as("committed once, not twice").isEqualTo(1);
        assertThat(dir.resolve("t/_delta_log/00000000000000000002.json")).doesNotExist();
    }

    /** A file entry for the log; its content is never read here. */
    private StagedFile staged(long checkpoint, String name) throws java.io.IOException {
        Path file = java.nio.file.Files.write(dir.resolve(name), new byte[] {1});
        return new StagedFile(checkpoint, file.toUri().toString(), 1, 0L, 1, null, Map.of());
    }

    /**
     * Kernel's own look at the log, right after the committer's, finds no table (a listing of the
     * log folder taken while other writers move files into it can come back short): the committer
     * looks again instead of failing, and the table it then finds keeps its rows.
     */
    @Test
    void aLogThatVanishesForOneLookIsLookedAtAgain() throws Exception {
        RowKeys rows = new RowKeys(ROW_TYPE, List.of());
        DeltaCommitter a = new DeltaCommitter(config("a", List.of()));
        a.commit(List.of(change(1, rows, Kind.COUNT, "x", 1, 1)), "a@job", 1);
        Path log = dir.resolve("t").resolve("_delta_log");
        Path away = dir.resolve("log-away");
        int[] looks = {0};
        a.afterEachLook(
                () -> {
                    try {
                        if (++looks[0] == 1) {
                            java.nio.file.Files.move(log, away);
                        } else if (java.nio.file.Files.exists(away)) {
                            java.nio.file.Files.move(away, log);
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });

        Optional<CommitSummary> second =
                a.commit(List.of(change(2, rows, Kind.COUNT, "y", 1, 1)), "a@job", 2);

        assertThat(looks[0]).as("looked again").isGreaterThan(1);
        assertThat(second).isPresent();
        assertThat(rows()).as("the earlier rows kept").containsExactly("x=1", "y=1");
    }

    /**
     * A file system whose first put of a log commit goes in and then throws {@code fault}; {@code
     * happened} records that it did.
     */
    private static FlinkFileIO afterTheFirstLogPut(
            boolean[] happened,
            java.util.function.Function<org.apache.flink.core.fs.Path, java.io.IOException> fault) {
        return new FlinkFileIO(Map.of()) {
            @Override
            void writeAtomically(
                    org.apache.flink.core.fs.Path target, byte[] content, boolean overwrite)
                    throws java.io.IOException {
                super.writeAtomically(target, content, overwrite);
                if (!happened[0]
                        && target.getName().endsWith(".json")
                        && target.getParent().getName().equals("_delta_log")) {
                    happened[0] = true;
                    throw fault.apply(target);
                }
            }
        };
    }

    private List<String> rows() {
        DeltaTableReader.Contents contents =
                DeltaTableReader.read(dir.resolve("t").toString(), Map.of()).orElseThrow();
        return contents.rows().stream()
                .map((RowData r) -> r.getString(0) + "=" + r.getLong(1))
                .sorted()
                .collect(Collectors.toList());
    }

    private static void commit(
            DeltaCommitter committer, List<DeltaCommittable> items, String appId, long version) {
        try {
            committer.commit(items, appId, version);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Runnable once(Runnable action) {
        boolean[] done = {false};
        return () -> {
            if (!done[0]) {
                done[0] = true;
                action.run();
            }
        };
    }
}
