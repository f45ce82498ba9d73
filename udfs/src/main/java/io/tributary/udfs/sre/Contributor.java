package io.tributary.udfs.sre;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.types.Row;

/**
 * One entry of {@link ContributorsFunction}'s result, as SQL sees it: {@code ROW<rank INT, name
 * STRING, contributed BIGINT, share_pct DOUBLE, detail DOUBLE>}.
 */
@PublicEvolving
public final class Contributor {
    /** The row type the function returns an array of. */
    public static final String SQL_TYPE =
            "ROW<`rank` INT, `name` STRING, `contributed` BIGINT, `share_pct` DOUBLE, `detail` DOUBLE>";

    public final int rank;
    public final String name;
    public final long contributed;
    public final double sharePct;
    public final Double detail;

    public Contributor(int rank, String name, long contributed, double sharePct, Double detail) {
        this.rank = rank;
        this.name = name;
        this.contributed = contributed;
        this.sharePct = sharePct;
        this.detail = detail;
    }

    Row toRow() {
        return Row.of(rank, name, contributed, sharePct, detail);
    }

    static Contributor of(Row row) {
        return new Contributor(
                (Integer) row.getField(0),
                (String) row.getField(1),
                (Long) row.getField(2),
                (Double) row.getField(3),
                (Double) row.getField(4));
    }
}
