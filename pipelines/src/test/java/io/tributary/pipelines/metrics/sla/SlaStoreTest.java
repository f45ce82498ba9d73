package io.tributary.pipelines.metrics.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.pipelines.runtime.TributaryOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SLAs in a lake folder: revisions, conflicts between writers, deletion that keeps history. */
class SlaStoreTest {
    @TempDir Path dir;

    private SlaStore store() {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, dir.toString());
        return new SlaStore(conf);
    }

    @Test
    void revisionsReplaceAndDeleteKeepingHistory() {
        SlaStore store = store();
        assertThat(store.current()).isEmpty();
        Sla web = store.create("web", Map.of("cpuUsage", new SlaRange(null, 80.0)));
        Sla db = store.create("db", Map.of("memoryAvailable", new SlaRange(1e9, null)));
        assertThat(store.current()).containsExactly(db, web);

        Sla changed =
                store.replace(
                        web.id(),
                        1,
                        "web tier",
                        Map.of(
                                "cpuUsage",
                                new SlaRange(null, 90.0),
                                "cpuTemperature",
                                new SlaRange(null, 75.0)));
        assertThat(changed.revision()).isEqualTo(2);
        assertThat(store.get(web.id())).contains(changed);
        assertThatThrownBy(() -> store.replace(web.id(), 1, "stale", web.metrics()))
                .isInstanceOf(SlaConflict.class)
                .hasMessageContaining("revision 2, not 1");

        store.delete(db.id(), 1);
        assertThat(store.get(db.id())).isEmpty();
        assertThat(store.current()).containsExactly(changed);
        assertThatThrownBy(() -> store.delete(db.id(), 2))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> store.replace("no-such-id", 1, "x", web.metrics()))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void ofConcurrentChangesToOneRevisionOneWinsTheOthersConflict() throws Exception {
        SlaStore store = store();
        Sla sla = store.create("web", Map.of("cpuUsage", new SlaRange(null, 80.0)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Sla>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            double max = 81 + i;
            results.add(
                    pool.submit(
                            () -> {
                                go.await();
                                return store.replace(
                                        sla.id(),
                                        1,
                                        "web",
                                        Map.of("cpuUsage", new SlaRange(null, max)));
                            }));
        }
        go.countDown();
        List<Sla> winners = new ArrayList<>();
        int conflicts = 0;
        for (Future<Sla> r : results) {
            try {
                winners.add(r.get());
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(SlaConflict.class);
                conflicts++;
            }
        }
        pool.shutdown();
        assertThat(winners).hasSize(1);
        assertThat(conflicts).isEqualTo(3);
        assertThat(store.get(sla.id())).contains(winners.get(0));
    }
}
