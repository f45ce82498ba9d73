package io.tributary.connector.delta.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.DeltaTableAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a bounded read's files go out: several per request while many are left, each once. */
class DeltaSplitEnumeratorTest {
    private static final RowType ROW =
            RowType.of(new LogicalType[] {new IntType()}, new String[] {"n"});
    private static final int FILES = 200;

    @TempDir Path dir;

    @Test
    void handsOutSeveralFilesPerRequestWhileManyAreLeftAndEachFileOnce() throws Exception {
        String table = dir.toUri().toString();
        DeltaTableAppender appender = new DeltaTableAppender(table, ROW, Map.of());
        for (int i = 0; i < FILES; i++) {
            appender.append(List.of(GenericRowData.of(i)), "file-" + i, 1);
        }
        DeltaReadConfig config = new DeltaReadConfig(table, ROW, List.of(), List.of(), Map.of());
        try (MockSplitEnumeratorContext<DeltaFileSplit> context =
                new MockSplitEnumeratorContext<>(2)) {
            context.registerReader(new ReaderInfo(0, "localhost"));
            context.registerReader(new ReaderInfo(1, "localhost"));
            DeltaSplitEnumerator enumerator =
                    new DeltaSplitEnumerator(context, config, null, null, null);
            enumerator.start();

            int requests = 0;
            while (!(context.hasNoMoreSplits(0) && context.hasNoMoreSplits(1))) {
                enumerator.handleSplitRequest(requests % 2, null);
                requests++;
            }

            List<Integer> perRequest = new ArrayList<>();
            List<String> files = new ArrayList<>();
            for (SplitsAssignment<DeltaFileSplit> a : context.getSplitsAssignmentSequence()) {
                List<DeltaFileSplit> splits =
                        a.assignment().values().stream()
                                .flatMap(List::stream)
                                .collect(Collectors.toList());
                perRequest.add(splits.size());
                splits.forEach(s -> files.add(s.path));
            }
            assertThat(files).hasSize(FILES).doesNotHaveDuplicates();
            assertThat(perRequest.get(0))
                    .as("the first request takes a share of what is left")
                    .isEqualTo(DeltaSplitEnumerator.MAX_SPLITS_PER_REQUEST);
            assertThat(perRequest.get(perRequest.size() - 1))
                    .as("the last files go one by one, so that readers end together")
                    .isEqualTo(1);
            assertThat(requests).isLessThan(FILES / 4);
        }
    }
}
