package io.tributary.connector.delta.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * How a streaming job's sinks learn that its sources have read what their tables held when the job
 * started. A fresh job that recomputes a table (gold from silver, {@code replace-on-start}) must
 * not replace it with the partial result of a half-read input: its rows would go back in time until
 * the read caught up.
 *
 * <p>In a folder of the job's, each source that takes part registers ({@code <id>.reading}) when it
 * starts, and once its readers have read the table's snapshot (and whatever a restore gave them) it
 * writes {@code <id>.caught-up}, holding the first checkpoint whose barrier follows everything it
 * read. A sink replaces its table at a checkpoint no earlier than every registered source's.
 * Sources start before the first checkpoint is taken, so a sink never looks before they registered.
 */
@Internal
public final class CatchUpMarkers {
    private static final String READING = ".reading";
    private static final String CAUGHT_UP = ".caught-up";

    private CatchUpMarkers() {}

    public static void register(String dir, String sourceId) {
        write(new Path(dir, sourceId + READING), "");
    }

    /**
     * @param firstCheckpoint the first checkpoint taken after everything the source had to catch up
     *     on
     */
    public static void caughtUp(String dir, String sourceId, long firstCheckpoint) {
        write(new Path(dir, sourceId + CAUGHT_UP), Long.toString(firstCheckpoint));
    }

    /**
     * The first checkpoint that follows every registered source's catch-up; empty while one is
     * still reading. A folder without registrations has nothing to wait for.
     */
    public static OptionalLong caughtUpBy(String dir) {
        try {
            Path folder = new Path(dir);
            FileSystem fs = folder.getFileSystem();
            if (!fs.exists(folder)) {
                return OptionalLong.of(0);
            }
            Set<String> reading = new HashSet<>();
            Map<String, Path> caughtUp = new HashMap<>();
            FileStatus[] files = fs.listStatus(folder);
            for (FileStatus f : files == null ? new FileStatus[0] : files) {
                String name = f.getPath().getName();
                if (name.endsWith(READING)) {
                    reading.add(name.substring(0, name.length() - READING.length()));
                } else if (name.endsWith(CAUGHT_UP)) {
                    caughtUp.put(
                            name.substring(0, name.length() - CAUGHT_UP.length()), f.getPath());
                }
            }
            long by = 0;
            for (String source : reading) {
                if (!caughtUp.containsKey(source)) {
                    return OptionalLong.empty();
                }
                try (InputStream in = fs.open(caughtUp.get(source))) {
                    String checkpoint =
                            new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                    if (checkpoint.isEmpty()) {
                        return OptionalLong.empty(); // being written
                    }
                    by = Math.max(by, Long.parseLong(checkpoint));
                }
            }
            return OptionalLong.of(by);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catch-up markers in " + dir, e);
        }
    }

    private static void write(Path file, String content) {
        try (OutputStream out = file.getFileSystem().create(file, FileSystem.WriteMode.OVERWRITE)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
