package io.tributary.pipelines.sre.report;

import java.util.Locale;
import org.apache.flink.annotation.Internal;

/** Escaping and number formatting for the report page. */
@Internal
final class Html {
    private Html() {}

    static String escape(Object value) {
        return String.valueOf(value)
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    static String number(Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Math.abs(d) >= 100
                    ? String.format(Locale.ROOT, "%.1f", d)
                    : String.format(Locale.ROOT, "%.2f", d);
        }
        return escape(value);
    }
}
