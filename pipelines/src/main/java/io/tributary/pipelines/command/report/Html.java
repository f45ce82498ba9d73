package io.tributary.pipelines.command.report;

import java.util.Locale;
import org.apache.flink.annotation.Internal;

/** Escaping and number formatting for report pages. */
@Internal
public final class Html {
    private Html() {}

    public static String escape(Object value) {
        return String.valueOf(value)
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    public static String number(Object value) {
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
