package io.tributary.connector.delta.internal;

import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.annotation.Internal;

/**
 * One row change of a changelog sink: the row in Flink's binary row format, and what to do with it.
 */
@Internal
public final class RowChange extends DeltaCommittable {
    /** What the change does. The byte each is stored as is its place in this list: append only. */
    public enum Kind {
        /** Insert the row, replacing any row with the same primary key. */
        UPSERT,
        /** Delete the row with the row's primary key. */
        DELETE,
        /**
         * Tables without a primary key: add ({@link #count()} &gt; 0) or remove copies of the row.
         */
        COUNT
    }

    private final Kind kind;
    private final byte[] row;
    private final int count;

    public RowChange(long checkpointId, Kind kind, byte[] row, int count) {
        super(checkpointId);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.row = row.clone();
        this.count = count;
    }

    @Override
    public RowChange forCheckpoint(long checkpointId) {
        return new RowChange(checkpointId, kind, row, count);
    }

    /** The same change of {@code row}: the row encoded anew (after a schema change). */
    public RowChange withRow(byte[] row) {
        return new RowChange(checkpointId(), kind, row, count);
    }

    public Kind kind() {
        return kind;
    }

    /** The row's bytes (a copy). */
    public byte[] row() {
        return row.clone();
    }

    public int count() {
        return count;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RowChange)) {
            return false;
        }
        RowChange that = (RowChange) o;
        return checkpointId() == that.checkpointId()
                && kind == that.kind
                && count == that.count
                && Arrays.equals(row, that.row);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpointId(), kind, Arrays.hashCode(row), count);
    }

    @Override
    public String toString() {
        return "RowChange{checkpoint="
                + checkpointId()
                + ", "
                + kind
                + " of "
                + row.length
                + " bytes}";
    }
}
