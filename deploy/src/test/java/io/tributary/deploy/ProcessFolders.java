package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Watches the folder in which every JVM that {@code bin/tributary} starts makes a folder named by
 * its process id as it starts ({@code $TMPDIR/tributary-<uid>-<pid namespace>/<pid>}): how a test
 * learns which process runs a command, however many shells and JVMs stand between.
 */
final class ProcessFolders implements AutoCloseable {
    private final WatchService watch;

    private ProcessFolders(Path root) throws IOException {
        watch = FileSystems.getDefault().newWatchService();
        root.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
    }

    /**
     * Watches the process folders under {@code tmp}, the {@code TMPDIR} of a command that has run
     * already (which made their common folder).
     */
    static ProcessFolders under(Path tmp) throws IOException {
        try (Stream<Path> children = Files.list(tmp)) {
            List<Path> all = children.collect(Collectors.toList());
            assertThat(all).as("the launcher's folder of process folders").hasSize(1);
            return new ProcessFolders(all.get(0));
        }
    }

    /** The next JVM to start, other than process {@code except}. */
    ProcessHandle awaitJvm(long except, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            WatchKey key =
                    watch.poll(
                            Duration.between(Instant.now(), deadline).toMillis(),
                            TimeUnit.MILLISECONDS);
            if (key == null) {
                break;
            }
            for (WatchEvent<?> event : key.pollEvents()) {
                String name = String.valueOf(event.context());
                if (name.matches("\\d+") && Long.parseLong(name) != except) {
                    Optional<ProcessHandle> jvm = ProcessHandle.of(Long.parseLong(name));
                    assertThat(jvm).as("the JVM of process folder " + name).isPresent();
                    return jvm.get();
                }
            }
            key.reset();
        }
        throw new AssertionError("no JVM started within " + patience);
    }

    @Override
    public void close() throws IOException {
        watch.close();
    }
}
