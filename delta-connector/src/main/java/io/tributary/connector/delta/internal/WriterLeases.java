package io.tributary.connector.delta.internal;

import io.tributary.connector.delta.DeltaWriterLease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.fs.Path;

/**
 * Taking, renewing and giving up a {@link DeltaWriterLease}. Taking is a put-if-absent of the lease
 * file (a hard link locally, a conditional PUT on S3), so of two writers that start together one
 * gets the lease and the other is told who has it; a lease that ran out is deleted first, and the
 * put-if-absent again decides between two writers taking it over.
 */
@Internal
final class WriterLeases {
    private final String tablePath;
    private final FlinkFileIO fileIO;

    WriterLeases(String tablePath, FlinkFileIO fileIO) {
        this.tablePath = tablePath;
        this.fileIO = fileIO;
    }

    /**
     * Takes or renews the lease for {@code appId}; returns the other writer's live lease instead
     * when there is one (nothing is written then).
     */
    Optional<DeltaWriterLease> acquire(String owner, String appId, Instant expires) {
        Path file = DeltaWriterLease.file(tablePath);
        byte[] lease = DeltaWriterLease.serialize(owner, appId, expires);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<DeltaWriterLease> current = DeltaWriterLease.read(tablePath);
            try {
                if (current.isPresent() && current.get().appId().equals(appId)) {
                    fileIO.writeAtomically(file, lease, true); // a renewal: the lease is ours
                    return Optional.empty();
                }
                if (current.isPresent() && current.get().isLive(Instant.now())) {
                    return current;
                }
                if (current.isPresent()) {
                    file.getFileSystem().delete(file, false); // ran out: its writer is gone
                }
                fileIO.writeAtomically(file, lease, false);
                return Optional.empty();
            } catch (FileAlreadyExistsException e) {
                // Another writer took it between our look and our put: look again.
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot take the writer lease " + file, e);
            }
        }
        return DeltaWriterLease.read(tablePath);
    }

    /** Gives the lease up, if {@code appId} holds it. */
    void release(String appId) {
        Path file = DeltaWriterLease.file(tablePath);
        try {
            if (DeltaWriterLease.read(tablePath).filter(l -> l.appId().equals(appId)).isPresent()) {
                file.getFileSystem().delete(file, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot give up the writer lease " + file, e);
        }
    }
}
