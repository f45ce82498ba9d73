package io.tributary.udfs.weblogs;

import org.apache.flink.annotation.PublicEvolving;

/** HTTP status classes as the gold tables name them: {@code 1xx} … {@code 5xx}. */
@PublicEvolving
public final class StatusClass {
    private static final String[] NAMES = {null, "1xx", "2xx", "3xx", "4xx", "5xx"};

    private StatusClass() {}

    /** The class of a status code, or null outside 100–599. */
    public static String of(int status) {
        int hundreds = status / 100;
        return status >= 100 && hundreds <= 5 ? NAMES[hundreds] : null;
    }
}
