package io.tributary.udfs.retail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.flink.annotation.Internal;

/** How the retail models round their summed scores. */
@Internal
final class Scores {
    private Scores() {}

    /**
     * As SQL's ROUND(x, 12) on a DOUBLE: sums of the same terms taken in another order (another
     * parallelism, a merge of partial groups) then rank alike.
     */
    static double round12(double v) {
        return BigDecimal.valueOf(v).setScale(12, RoundingMode.HALF_UP).doubleValue();
    }
}
