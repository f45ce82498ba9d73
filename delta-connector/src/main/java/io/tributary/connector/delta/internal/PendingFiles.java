package io.tributary.connector.delta.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The data files a writer lineage has staged in the table folder but not committed yet, listed
 * beside the table ({@code _tributary/pending/<app id>}) whenever a checkpoint takes them into its
 * state. A job that dies between a checkpoint and its commit leaves the list behind with its
 * retained checkpoint, and {@link TableVacuum} keeps the files it names however old they are, so a
 * resume days later still finds every file it commits. The list is rewritten after each commit and
 * removed once nothing is pending.
 */
@Internal
public final class PendingFiles {
    private static final String FOLDER = "_tributary/pending";

    private PendingFiles() {}

    /** Replaces the lineage's list; an empty list removes it. */
    public static void record(String tablePath, String appId, Collection<String> files) {
        Path list =
                new Path(
                        tablePath
                                + "/"
                                + FOLDER
                                + "/"
                                + URLEncoder.encode(appId, StandardCharsets.UTF_8));
        try {
            FileSystem fs = list.getFileSystem();
            if (files.isEmpty()) {
                if (fs.exists(list)) {
                    fs.delete(list, false);
                }
                return;
            }
            try (OutputStream out = fs.create(list, FileSystem.WriteMode.OVERWRITE)) {
                out.write(String.join("\n", files).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot record the pending files of " + appId + " in " + list, e);
        }
    }

    /** The names of every file some lineage has pending in the table. */
    public static Set<String> names(String tablePath) {
        Set<String> names = new HashSet<>();
        Path folder = new Path(tablePath + "/" + FOLDER);
        try {
            FileSystem fs = folder.getFileSystem();
            if (!fs.exists(folder)) {
                return names;
            }
            for (FileStatus list : fs.listStatus(folder)) {
                try (InputStream in = fs.open(list.getPath())) {
                    for (String line :
                            new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank()) {
                            names.add(new Path(line.trim()).getName());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the pending files under " + folder, e);
        }
        return names;
    }
}
