package io.tributary.connector.delta;

import io.tributary.connector.delta.internal.DeltaEngines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * A streaming writer's claim on a Delta table: {@code <table>/_tributary/writer-lease.properties},
 * naming the job, its writer lineage (the Delta transaction app id) and until when the claim holds.
 * A streaming sink that keeps a table's content — upserts by key, or a result it retracts and
 * replaces (gold) — takes it before its first commit, renews it well before it runs out, and gives
 * it up when the job ends; a killed job's lease runs out by itself. Append-only streams take none:
 * appends of several writers are safe together.
 *
 * <p>What it is for: a table a stream keeps current has one writer by construction. A second
 * streaming lineage waits (its job fails and restarts) until the lease is free; a batch overwrite
 * that would replace rows the stream owns is refused, naming the stream. Overwrites scoped to other
 * rows ({@code sink.replace-where}) and appends may go on beside it.
 */
@PublicEvolving
public final class DeltaWriterLease {
    static final String FILE = "_tributary/writer-lease.properties";

    private final String owner;
    private final String appId;
    private final Instant expires;

    private DeltaWriterLease(String owner, String appId, Instant expires) {
        this.owner = owner;
        this.appId = appId;
        this.expires = expires;
    }

    /** The job that holds the lease, as its name and id. */
    public String owner() {
        return owner;
    }

    /** The writer lineage (Delta transaction app id) that holds the lease. */
    public String appId() {
        return appId;
    }

    public Instant expires() {
        return expires;
    }

    public boolean isLive(Instant now) {
        return now.isBefore(expires);
    }

    /** Says who holds the table and until when, for an error message. */
    public String describe() {
        return "streaming job "
                + owner
                + " (writer "
                + appId
                + "; its lease runs until "
                + expires
                + " and is renewed while the job runs)";
    }

    /**
     * The lease on the table at {@code location}, live or run out; empty when none was ever taken
     * or it was given up.
     */
    public static Optional<DeltaWriterLease> read(String location) {
        Path file = file(location);
        try {
            FileSystem fs = file.getFileSystem();
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (InputStream in = fs.open(file)) {
                p.load(in);
            }
            return Optional.of(
                    new DeltaWriterLease(
                            p.getProperty("owner", "?"),
                            p.getProperty("app-id", "?"),
                            Instant.ofEpochMilli(
                                    Long.parseLong(p.getProperty("expires-millis", "0")))));
        } catch (java.io.FileNotFoundException e) {
            return Optional.empty(); // given up between the check and the read
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(
                    "Cannot read the writer lease " + file + ": " + e.getMessage(), e);
        }
    }

    /** The live lease of a writer lineage other than {@code appId}, if there is one. */
    public static Optional<DeltaWriterLease> heldByOther(
            String location, String appId, Instant now) {
        return read(location).filter(l -> l.isLive(now) && !l.appId.equals(appId));
    }

    /** The lease as the bytes of its file. */
    @Internal
    public static byte[] serialize(String owner, String appId, Instant expires) {
        Properties p = new Properties();
        p.setProperty("owner", owner);
        p.setProperty("app-id", appId);
        p.setProperty("expires-millis", Long.toString(expires.toEpochMilli()));
        p.setProperty("expires", expires.toString());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            p.store(out, "The streaming job that writes this table; see DeltaWriterLease");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Where the lease of the table at {@code location} lives. */
    @Internal
    public static Path file(String location) {
        return new Path(DeltaEngines.qualify(location) + "/" + FILE);
    }
}
