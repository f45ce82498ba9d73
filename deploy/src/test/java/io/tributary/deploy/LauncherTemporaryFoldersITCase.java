package io.tributary.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/tributary} gives each JVM a temporary folder of its own, which its embedded cluster
 * uses, and each command removes the folders that processes which are gone (killed, so their
 * shutdown hooks never ran) left behind — and nothing else.
 */
class LauncherTemporaryFoldersITCase {
    /** No process has this id: Linux's largest is 4,194,304. */
    private static final String GONE = "99999999";

    @TempDir Path dir;

    @Test
    void aCommandUsesAFolderOfItsOwnAndRemovesOnlyThoseOfEndedProcesses() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Map<String, String> env = Map.of("TRIBUTARY_SERVER", "off", "TMPDIR", tmp.toString());
        Launcher.Result first = Launcher.run(dir, env, "--version");
        assertThat(first.code()).as(first.toString()).isZero();
        Path root = onlyChild(tmp);
        assertThat(root.getFileName().toString()).startsWith("tributary-");
        assertThat(root.resolve(".tributary-process-folders")).isRegularFile();

        Path killed = Files.createDirectories(root.resolve(GONE).resolve("flink-io-1"));
        Files.writeString(killed.resolve("spill"), "what a killed JVM left");
        String running = Long.toString(ProcessHandle.current().pid());
        Path live = Files.createDirectories(root.resolve(running));
        Files.writeString(live.resolve("in-use"), "a running process's");
        Path notAProcess = Files.createDirectories(root.resolve("notes"));
        List<String> before = names(root);

        Launcher.Result query =
                Launcher.run(
                        dir,
                        env,
                        "sql",
                        "--verbose",
                        "-D",
                        "tributary.lake.root=" + dir.resolve("lake"),
                        "SELECT 6 * 7");

        assertThat(query.code()).as(query.toString()).isZero();
        assertThat(query.out()).contains("42");
        assertThat(root.resolve(GONE)).doesNotExist();
        assertThat(live.resolve("in-use")).isRegularFile();
        assertThat(notAProcess).isDirectory();
        List<String> own =
                names(root).stream()
                        .filter(name -> !before.contains(name))
                        .collect(Collectors.toList());
        assertThat(own).as("the query's own folder").hasSize(1);
        assertThat(own.get(0)).containsOnlyDigits();
        assertThat(query.err())
                .as("the embedded cluster's task manager writes into the command's folder")
                .contains("Temporary file directory '" + root.resolve(own.get(0)) + "'");
    }

    private static Path onlyChild(Path folder) throws Exception {
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> all = children.collect(Collectors.toList());
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(p -> p.getFileName().toString()).collect(Collectors.toList());
        }
    }
}
