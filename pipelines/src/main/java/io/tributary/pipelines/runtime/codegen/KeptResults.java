package io.tributary.pipelines.runtime.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.runtime.util.EnvironmentInformation;

/**
 * Results of code generation's pure steps — Flink's code splitter, Janino's compiler — kept in a
 * folder so that the next JVM takes them instead of working them out again: planning the same SQL
 * generates the same code in every command, test JVM and test process (docs/benchmarks.md, "Session
 * 34").
 *
 * <p>A result is kept under the SHA-256 of what it was made from, this format and Flink's version
 * (which fixes the splitter's, Janino's and Calcite's code). A kept result never decides what runs:
 * a file is used only when the checksum it starts with matches the bytes after it, and anything the
 * folder cannot do (missing, read-only, full, a file damaged or removed under it) only costs the
 * work again. Files are written under a temporary name and renamed, so JVMs sharing the folder read
 * whole ones. The folder keeps about {@link #DEFAULT_MAX_ENTRIES} results at most: beyond that, the
 * least recently used quarter goes (a read renews a file's time).
 */
@Internal
public final class KeptResults {
    /** The folder, set by {@code bin/tributary} and the build's tests; unset, nothing is kept. */
    public static final String DIRECTORY_PROPERTY = "tributary.generated-code.cache-dir";

    static final int DEFAULT_MAX_ENTRIES = 4000;

    /** Changes when what a file holds, or how its key is made, changes. */
    private static final String FORMAT = "tributary-kept-results-1";

    private static final int CHECKSUM_BYTES = 32;
    private static final Duration ABANDONED_TEMPORARY_FILE = Duration.ofMinutes(10);

    private final Path directory;
    private final int maxEntries;
    private final String flinkVersion;

    /**
     * Writes between two looks at the folder's size: listing thousands of files at every write cost
     * more than the bound is worth; the folder overshoots by at most this many per JVM.
     */
    private final int writesPerSizeCheck;

    private final AtomicInteger writesUntilSizeCheck = new AtomicInteger();

    @VisibleForTesting
    KeptResults(Path directory, int maxEntries, String flinkVersion) {
        this.directory = directory;
        this.maxEntries = maxEntries;
        this.flinkVersion = flinkVersion;
        this.writesPerSizeCheck = Math.max(1, maxEntries / 20);
    }

    /** Results kept in {@code directory}, as this JVM's would be: for tests of their users. */
    @VisibleForTesting
    public static KeptResults in(Path directory) {
        return new KeptResults(directory, DEFAULT_MAX_ENTRIES, EnvironmentInformation.getVersion());
    }

    /** The folder {@link #DIRECTORY_PROPERTY} names for this JVM, if it names one. */
    public static Optional<KeptResults> ofThisJvm() {
        return Optional.ofNullable(Shared.RESULTS);
    }

    /**
     * The results kept in the sub-folder {@code name} of this folder, at most {@code maxEntries} of
     * them: for results a hundred times the size of a generated class.
     */
    public KeptResults within(String name, int maxEntries) {
        return new KeptResults(directory.resolve(name), maxEntries, flinkVersion);
    }

    /**
     * The key of a result of {@code kind} (also the suffix of its file) made from {@code parts}.
     */
    public Key key(String kind, String... parts) {
        MessageDigest digest = sha256();
        for (String part : List.of(FORMAT, flinkVersion, kind)) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return new Key(HexFormat.of().formatHex(digest.digest()) + "." + kind);
    }

    /** The result kept under {@code key}, when there is a whole one. */
    public Optional<byte[]> read(Key key) {
        Path file = directory.resolve(key.fileName);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            // Not kept yet, or unreadable: made again.
            return Optional.empty();
        }
        if (content.length < CHECKSUM_BYTES) {
            return Optional.empty();
        }
        byte[] result = Arrays.copyOfRange(content, CHECKSUM_BYTES, content.length);
        if (!Arrays.equals(
                content, 0, CHECKSUM_BYTES, sha256().digest(result), 0, CHECKSUM_BYTES)) {
            return Optional.empty();
        }
        touch(file);
        return Optional.of(result);
    }

    /** Keeps {@code result} under {@code key}, if the folder lets it. */
    public void write(Key key, byte[] result) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, key.fileName, ".tmp");
            try {
                byte[] content = new byte[CHECKSUM_BYTES + result.length];
                System.arraycopy(sha256().digest(result), 0, content, 0, CHECKSUM_BYTES);
                System.arraycopy(result, 0, content, CHECKSUM_BYTES, result.length);
                Files.write(temporary, content);
                Files.move(
                        temporary,
                        directory.resolve(key.fileName),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | RuntimeException e) {
            // Nothing kept: the next JVM does this work again, as it always did.
            return;
        }
        if (writesUntilSizeCheck.getAndDecrement() > 0) {
            return;
        }
        writesUntilSizeCheck.set(writesPerSizeCheck - 1);
        try {
            evictBeyondLimit();
        } catch (IOException | RuntimeException e) {
            // The folder stays over its bound until the next write; what this JVM made is kept.
        }
    }

    private void evictBeyondLimit() throws IOException {
        List<Path> entries = new ArrayList<>();
        Instant abandoned = Instant.now().minus(ABANDONED_TEMPORARY_FILE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (Files.isDirectory(file)) {
                    continue; // a sub-folder's results are bounded by it (within)
                }
                if (!file.getFileName().toString().endsWith(".tmp")) {
                    entries.add(file);
                } else if (modified(file).toInstant().isBefore(abandoned)) {
                    // Left by a JVM that stopped between writing and renaming.
                    Files.deleteIfExists(file);
                }
            }
        }
        if (entries.size() <= maxEntries) {
            return;
        }
        List<Path> oldestFirst = leastRecentlyUsedFirst(entries, KeptResults::modified);
        int keep = maxEntries * 3 / 4;
        for (Path file : oldestFirst.subList(0, entries.size() - keep)) {
            Files.deleteIfExists(file);
        }
    }

    /**
     * {@code files} by the time {@code lastUsed} gives each, asked once per file: other JVMs renew
     * and remove files meanwhile, and a sort that asked again could see one file at two times (a
     * comparison the sort refuses).
     */
    @VisibleForTesting
    static List<Path> leastRecentlyUsedFirst(List<Path> files, Function<Path, FileTime> lastUsed) {
        Map<Path, FileTime> times = new HashMap<>();
        for (Path file : files) {
            times.put(file, lastUsed.apply(file));
        }
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(times::get));
        return sorted;
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

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** Where a result is kept: its file's name in the folder. */
    public static final class Key {
        private final String fileName;

        private Key(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public String toString() {
            return fileName;
        }
    }

    /** Read once, when the first result is looked up. */
    private static final class Shared {
        static final KeptResults RESULTS = fromProperty();

        private static KeptResults fromProperty() {
            String directory = System.getProperty(DIRECTORY_PROPERTY);
            if (directory == null || directory.isBlank()) {
                return null;
            }
            return new KeptResults(
                    Path.of(directory), DEFAULT_MAX_ENTRIES, EnvironmentInformation.getVersion());
        }
    }
}
