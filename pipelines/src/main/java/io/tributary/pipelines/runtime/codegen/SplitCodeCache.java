package io.tributary.pipelines.runtime.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.runtime.util.EnvironmentInformation;

/**
 * The results of Flink's code splitter, kept in a folder so that the next JVM takes them instead of
 * splitting the same generated class again.
 *
 * <p>Flink splits every generated class whose methods could outgrow the JVM's limits, at planning
 * time, by parsing it with ANTLR once per rewriting pass. In a command's cold JVM that was a fifth
 * of all the CPU a 10-line backfill used (docs/benchmarks.md, "Session 34"), and each command, test
 * JVM and test process split the same classes again: planning the same SQL generates the same code.
 * The split only depends on the code and the two limits, so a result is kept under the SHA-256 of
 * those and of Flink's version; a class whose code holds a value of its own run (the time a
 * backfill's rows are ingested) is split, and kept, as a new one.
 *
 * <p>A cache never decides what runs: a file is used only when the checksum in its first line
 * matches the code after it, and anything the folder cannot do (missing, read-only, full, a file
 * damaged or removed under it) falls back to splitting. Files are written to a temporary name and
 * renamed, so JVMs sharing the folder read only whole ones. The folder keeps at most {@link
 * #DEFAULT_MAX_ENTRIES} results: a new one beyond that removes the least recently used quarter.
 */
@Internal
public final class SplitCodeCache {
    /** The folder, set by {@code bin/tributary} and the build's tests; unset, nothing is kept. */
    public static final String DIRECTORY_PROPERTY = "tributary.generated-code.cache-dir";

    static final int DEFAULT_MAX_ENTRIES = 2000;

    /** Changes when what a file holds, or how its key is made, changes. */
    private static final String FORMAT = "tributary-split-code-1";

    private static final String SUFFIX = ".java";
    private static final String HEADER = "// sha-256 ";
    private static final Duration ABANDONED_TEMPORARY_FILE = Duration.ofMinutes(10);

    private final Path directory;
    private final int maxEntries;
    private final String flinkVersion;

    @VisibleForTesting
    SplitCodeCache(Path directory, int maxEntries, String flinkVersion) {
        this.directory = directory;
        this.maxEntries = maxEntries;
        this.flinkVersion = flinkVersion;
    }

    /** The cache of this JVM: in the folder {@link #DIRECTORY_PROPERTY} names, if it names one. */
    public static Optional<SplitCodeCache> ofThisJvm() {
        return Optional.ofNullable(Shared.CACHE);
    }

    /** The kept result for this code and these limits, or {@code splitter}'s, which is kept. */
    public String split(
            String code, int maxMethodLength, int maxClassMemberCount, Supplier<String> splitter) {
        String key = key(code, maxMethodLength, maxClassMemberCount);
        Path file = directory.resolve(key + SUFFIX);
        Optional<String> kept = read(file);
        if (kept.isPresent()) {
            return kept.get();
        }
        String split = splitter.get();
        write(file, key, split);
        return split;
    }

    private String key(String code, int maxMethodLength, int maxClassMemberCount) {
        MessageDigest digest = sha256();
        String limits =
                FORMAT + '\n' + flinkVersion + '\n' + maxMethodLength + '\n' + maxClassMemberCount;
        digest.update(limits.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(code.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Optional<String> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Not kept yet, or unreadable: split it.
            return Optional.empty();
        }
        int endOfHeader = text.indexOf('\n');
        if (endOfHeader < 0 || !text.startsWith(HEADER)) {
            return Optional.empty();
        }
        String body = text.substring(endOfHeader + 1);
        if (!text.substring(HEADER.length(), endOfHeader).equals(checksum(body))) {
            return Optional.empty();
        }
        touch(file);
        return Optional.of(body);
    }

    private void write(Path file, String key, String split) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, key, ".tmp");
            try {
                Files.writeString(
                        temporary, HEADER + checksum(split) + '\n' + split, StandardCharsets.UTF_8);
                Files.move(
                        temporary,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            evictBeyondLimit();
        } catch (IOException | DirectoryIteratorException | SecurityException e) {
            // Nothing kept: the next JVM splits this class again, as Flink always does.
        }
    }

    /** Least recently used first (a hit renews a file's modification time). */
    private void evictBeyondLimit() throws IOException {
        List<Path> entries = new ArrayList<>();
        Instant abandoned = Instant.now().minus(ABANDONED_TEMPORARY_FILE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX)) {
                    entries.add(file);
                } else if (name.endsWith(".tmp")
                        && modified(file).toInstant().isBefore(abandoned)) {
                    // Left by a JVM that stopped between writing and renaming.
                    Files.deleteIfExists(file);
                }
            }
        }
        if (entries.size() <= maxEntries) {
            return;
        }
        entries.sort(Comparator.comparing(SplitCodeCache::modified));
        int keep = maxEntries * 3 / 4;
        for (Path file : entries.subList(0, entries.size() - keep)) {
            Files.deleteIfExists(file);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // Only the order of eviction depends on it.
        }
    }

    private static String checksum(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** Read once, when the first generated class is split. */
    private static final class Shared {
        static final SplitCodeCache CACHE = fromProperty();

        private static SplitCodeCache fromProperty() {
            String directory = System.getProperty(DIRECTORY_PROPERTY);
            if (directory == null || directory.isBlank()) {
                return null;
            }
            return new SplitCodeCache(
                    Path.of(directory), DEFAULT_MAX_ENTRIES, EnvironmentInformation.getVersion());
        }
    }
}
