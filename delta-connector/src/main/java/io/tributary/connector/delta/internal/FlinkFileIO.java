package io.tributary.connector.delta.internal;

import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.fs.local.LocalFileSystem;

/**
 * Delta Kernel's storage interface on top of Flink's {@link FileSystem}, so a table on {@code
 * file://} and one on {@code s3://} (through {@code flink-s3-fs-hadoop}) are read and written by
 * the same code, with the credentials and settings Flink is already configured with.
 *
 * <p>Commits rely on {@link #newOutputFile(String)}'s {@code writeAtomically} refusing to replace
 * an existing log file. On the local file system that is a hard link, which the kernel makes
 * atomic; on S3 a conditional put ({@link S3ConditionalPut}). Other object stores offer no such
 * primitive through Flink's API: there an existence check guards the write, which is safe for one
 * committer per table, as the Delta protocol's single-driver S3 mode.
 */
@Internal
public class FlinkFileIO implements FileIO, Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, String> conf;

    public FlinkFileIO(Map<String, String> conf) {
        this.conf = new HashMap<>(conf);
    }

    static FileSystem fs(Path path) {
        try {
            return path.getFileSystem();
        } catch (IOException e) {
            throw new UncheckedIOException("No Flink file system for " + path, e);
        }
    }

    @Override
    public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
        Path start = new Path(filePath);
        Path dir = start.getParent();
        if (S3ConditionalPut.isS3(dir)) {
            return Iterators.closeable(S3ConditionalPut.listFrom(dir, start.getName()).iterator());
        }
        FileSystem fs = fs(dir);
        String from = start.getName();
        if (fs instanceof LocalFileSystem) {
            return Iterators.closeable(
                    listLocalFrom(((LocalFileSystem) fs).pathToFile(dir).toPath(), from)
                            .iterator());
        }
        // Kernel reads a FileNotFoundException for the log folder as "no table here".
        org.apache.flink.core.fs.FileStatus[] listed = fs.listStatus(dir);
        if (listed == null) {
            throw new FileNotFoundException("No such directory: " + dir);
        }
        List<FileStatus> result = new ArrayList<>();
        Arrays.stream(listed)
                .filter(s -> !s.isDir())
                .filter(s -> s.getPath().getName().compareTo(from) >= 0)
                .sorted(Comparator.comparing(s -> s.getPath().getName()))
                .forEach(s -> result.add(toKernel(s)));
        return Iterators.closeable(result.iterator());
    }

    /**
     * A local folder has no listing that starts at a name, but its names cost little next to a
     * status per file: a log of 100,000 entries is read as names, and only the entries from {@code
     * from} on (the last checkpoint and the commits after it) are looked at further.
     */
    static List<FileStatus> listLocalFrom(java.nio.file.Path dir, String from) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new FileNotFoundException("No such directory: " + dir);
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(dir)) {
            for (java.nio.file.Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.compareTo(from) >= 0) {
                    names.add(name);
                }
            }
        }
        names.sort(Comparator.naturalOrder());
        List<FileStatus> result = new ArrayList<>(names.size());
        for (String name : names) {
            java.nio.file.Path file = dir.resolve(name);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (java.nio.file.NoSuchFileException removedMeanwhile) {
                continue; // a temp file renamed into place, or an entry cleaned up, since the names
                // were read
            }
            if (!attributes.isDirectory()) {
                // the form Flink's local file system gives its statuses, which Kernel compares with
                result.add(
                        FileStatus.of(
                                "file:" + file.toAbsolutePath().toUri().getPath(),
                                attributes.size(),
                                attributes.lastModifiedTime().toMillis()));
            }
        }
        return result;
    }

    @Override
    public FileStatus getFileStatus(String path) throws IOException {
        Path p = new Path(path);
        return toKernel(fs(p).getFileStatus(p));
    }

    private static FileStatus toKernel(org.apache.flink.core.fs.FileStatus status) {
        return FileStatus.of(
                status.getPath().toString(), status.getLen(), status.getModificationTime());
    }

    @Override
    public String resolvePath(String path) throws IOException {
        Path p = new Path(path);
        return p.makeQualified(fs(p)).toString();
    }

    @Override
    public boolean mkdirs(String path) throws IOException {
        Path p = new Path(path);
        return fs(p).mkdirs(p);
    }

    @Override
    public InputFile newInputFile(String path, long fileSize) {
        return new FlinkInputFile(new Path(path), fileSize);
    }

    @Override
    public OutputFile newOutputFile(String path) {
        return new FlinkOutputFile(new Path(path));
    }

    @Override
    public boolean delete(String path) throws IOException {
        Path p = new Path(path);
        return fs(p).delete(p, false);
    }

    @Override
    public Optional<String> getConf(String key) {
        return Optional.ofNullable(conf.get(key));
    }

    @Override
    public void copyFileAtomically(String srcPath, String destPath, boolean overwrite)
            throws IOException {
        Path src = new Path(srcPath);
        byte[] content;
        try (FSDataInputStream in = fs(src).open(src)) {
            content = in.readAllBytes();
        }
        writeAtomically(new Path(destPath), content, overwrite);
    }

    /**
     * Writes a whole file at once; without {@code overwrite}, fails with {@link
     * FileAlreadyExistsException} when the file exists (the put-if-absent of a commit).
     * Overridable: a test can lose the answer of a put that succeeded, as a network can.
     */
    void writeAtomically(Path target, byte[] content, boolean overwrite) throws IOException {
        FileSystem fs = fs(target);
        if (isLocal(fs)) {
            java.nio.file.Path file = java.nio.file.Path.of(target.toUri());
            Files.createDirectories(file.getParent());
            java.nio.file.Path temp = temporarySibling(file);
            Files.write(temp, content);
            placeLocal(temp, file, overwrite);
            return;
        }
        if (!overwrite && S3ConditionalPut.appliesTo(target)) {
            S3ConditionalPut.put(target, content);
            return;
        }
        if (!overwrite && fs.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        FileSystem.WriteMode mode =
                overwrite ? FileSystem.WriteMode.OVERWRITE : FileSystem.WriteMode.NO_OVERWRITE;
        try (FSDataOutputStream out = fs.create(target, mode)) {
            out.write(content);
        }
    }

    private static boolean isLocal(FileSystem fs) {
        return !fs.isDistributedFS() && "file".equals(fs.getUri().getScheme());
    }

    /** Hidden (Delta and Flink skip names starting with a dot), and unique to this write. */
    private static java.nio.file.Path temporarySibling(java.nio.file.Path file) {
        return file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }

    /**
     * Moves a finished temporary file into place; without {@code overwrite}, link(2) fails when the
     * name exists.
     */
    private static void placeLocal(
            java.nio.file.Path temp, java.nio.file.Path file, boolean overwrite)
            throws IOException {
        try {
            if (overwrite) {
                Files.move(
                        temp,
                        file,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.createLink(file, temp);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private final class FlinkOutputFile implements OutputFile {
        private final Path path;

        FlinkOutputFile(Path path) {
            this.path = path;
        }

        @Override
        public String path() {
            return path.toString();
        }

        /**
         * A file appears whole or not at all, as Kernel's contract asks: a log checkpoint cut short
         * by a crash must never be found under its name. An object store's PUT is whole by nature;
         * on a local disk the bytes go to a hidden temporary file first, moved (or, for
         * put-if-absent, linked) into place on close.
         */
        @Override
        public PositionOutputStream create(boolean putIfAbsent) throws IOException {
            FileSystem fs = fs(path);
            if (!isLocal(fs)) {
                FileSystem.WriteMode mode =
                        putIfAbsent
                                ? FileSystem.WriteMode.NO_OVERWRITE
                                : FileSystem.WriteMode.OVERWRITE;
                return new BufferedPositionOutputStream(fs.create(path, mode));
            }
            java.nio.file.Path file = java.nio.file.Path.of(path.toUri());
            if (putIfAbsent && Files.exists(file)) {
                throw new FileAlreadyExistsException(path.toString());
            }
            Files.createDirectories(file.getParent());
            java.nio.file.Path temp = temporarySibling(file);
            return new BufferedPositionOutputStream(
                    fs.create(new Path(temp.toUri()), FileSystem.WriteMode.OVERWRITE),
                    () -> placeLocal(temp, file, !putIfAbsent));
        }

        @Override
        public void writeAtomically(CloseableIterator<String> data, boolean overwrite)
                throws IOException {
            StringBuilder content = new StringBuilder();
            try (CloseableIterator<String> lines = data) {
                while (lines.hasNext()) {
                    content.append(lines.next()).append('\n');
                }
            }
            FlinkFileIO.this.writeAtomically(
                    path, content.toString().getBytes(StandardCharsets.UTF_8), overwrite);
        }
    }
}
