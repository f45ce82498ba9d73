package io.tributary.pipelines.testutils;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The tables of one uninterrupted batch run over a test's input, which the streaming and kill tests
 * compare with: run once per input in a test JVM. The tests of a class stream the same generated
 * files in several ways, and each used to repeat the same batch run, in a suite whose time is bound
 * by CPU. An entry is keyed by what the caller names (the pipeline and its settings) and by every
 * input file's name and bytes, so other input gets a run of its own.
 */
public final class BatchReferences {
    private static final Map<String, List<List<String>>> TABLES = new ConcurrentHashMap<>();

    private BatchReferences() {}

    /**
     * The rows {@code batchRun} returns for {@code files}, from the first test of this JVM that
     * asked for them.
     *
     * @param run names the pipeline and settings of the batch run
     */
    public static List<List<String>> tables(
            String run, List<Path> files, Callable<List<List<String>>> batchRun) throws Exception {
        String key = run + "@" + digest(files);
        List<List<String>> known = TABLES.get(key);
        if (known != null) {
            return known;
        }
        List<List<String>> tables =
                batchRun.call().stream().map(List::copyOf).collect(Collectors.toUnmodifiableList());
        TABLES.putIfAbsent(key, tables);
        return tables;
    }

    private static String digest(List<Path> files) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                byte[] name = file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
                byte[] bytes = Files.readAllBytes(file);
                sha.update(ByteBuffer.allocate(8).putInt(name.length).putInt(bytes.length).flip());
                sha.update(name);
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
