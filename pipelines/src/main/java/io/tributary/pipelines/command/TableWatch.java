package io.tributary.pipelines.command;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.api.TableEnvironment;

/**
 * Shows a running job's tables as they grow: one query sampled every few seconds, a line per
 * sample, until the feed is done and the sample says the tables caught up; then the samples as a
 * table.
 */
@PublicEvolving
public final class TableWatch {
    private static final Duration EVERY = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final TableEnvironment tEnv;
    private final PrintStream out;
    private final List<String> columns;
    private final String query;

    /** {@code query} returns one row whose values are {@code columns}. */
    public TableWatch(TableEnvironment tEnv, PrintStream out, List<String> columns, String query) {
        this.tEnv = tEnv;
        this.out = out;
        this.columns = columns;
        this.query = query;
    }

    /**
     * Samples until {@code feed} is done and {@code caughtUp} holds for a sample; false when
     * patience ran out.
     */
    public boolean until(CompletableFuture<Void> feed, Predicate<List<Object>> caughtUp)
            throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        long start = System.nanoTime();
        boolean done;
        while (true) {
            List<Object> sample = LakeQuery.run(tEnv, query).rows().get(0);
            long seconds = Math.round((System.nanoTime() - start) / 1e9);
            List<Object> row = new ArrayList<>();
            row.add(seconds + " s");
            row.addAll(sample);
            rows.add(row);
            StringBuilder line = new StringBuilder(String.format("  %5s:", row.get(0)));
            for (int i = 0; i < sample.size(); i++) {
                line.append(i == 0 ? " " : " · ")
                        .append(columns.get(i))
                        .append(' ')
                        .append(sample.get(i));
            }
            out.println(line);
            if (feed.isDone() && caughtUp.test(sample)) {
                done = true;
                break;
            }
            if (seconds > PATIENCE.toSeconds()) {
                out.println(
                        "  The job did not catch up within "
                                + PATIENCE.toMinutes()
                                + " minutes; stopping it.");
                done = false;
                break;
            }
            // Sampling for the reader's eye, not synchronising with the job.
            Thread.sleep(EVERY.toMillis());
        }
        out.println();
        out.println("How the tables grew as the job committed");
        List<String> header = new ArrayList<>();
        header.add("elapsed");
        header.addAll(columns);
        ResultPrinter.print(out, header, rows, ResultPrinter.Format.TABLE);
        return done;
    }
}
