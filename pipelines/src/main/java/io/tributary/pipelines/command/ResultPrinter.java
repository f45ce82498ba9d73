package io.tributary.pipelines.command;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.annotation.PublicEvolving;

/** Prints query results as an aligned table, CSV or JSON lines. */
@PublicEvolving
public final class ResultPrinter {
    public enum Format {
        TABLE,
        CSV,
        JSON
    }

    private ResultPrinter() {}

    public static void print(
            PrintStream out, List<String> columns, List<List<Object>> rows, Format format) {
        switch (format) {
            case CSV:
                out.println(
                        columns.stream().map(ResultPrinter::csv).collect(Collectors.joining(",")));
                rows.forEach(
                        r ->
                                out.println(
                                        r.stream()
                                                .map(v -> v == null ? "" : csv(String.valueOf(v)))
                                                .collect(Collectors.joining(","))));
                break;
            case JSON:
                for (List<Object> row : rows) {
                    StringBuilder sb = new StringBuilder("{");
                    for (int i = 0; i < columns.size(); i++) {
                        sb.append(i == 0 ? "" : ",")
                                .append(json(columns.get(i)))
                                .append(':')
                                .append(jsonValue(row.get(i)));
                    }
                    out.println(sb.append('}'));
                }
                break;
            default:
                table(out, columns, rows);
        }
    }

    /** Prints {@code result} as an aligned table. */
    public static void printTable(PrintStream out, LakeQuery result) {
        print(out, result.columns(), result.rows(), Format.TABLE);
    }

    private static void table(PrintStream out, List<String> columns, List<List<Object>> rows) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
            for (List<Object> row : rows) {
                widths[i] = Math.max(widths[i], text(row.get(i)).length());
            }
        }
        String rule = rule(widths);
        out.println(rule);
        out.println(
                line(
                        columns.stream().map(c -> (Object) c).collect(Collectors.toList()),
                        widths,
                        false));
        out.println(rule);
        rows.forEach(r -> out.println(line(r, widths, true)));
        out.println(rule);
        out.println(rows.size() + (rows.size() == 1 ? " row" : " rows"));
    }

    private static String rule(int[] widths) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.toString();
    }

    private static String line(List<Object> values, int[] widths, boolean alignNumbers) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            Object v = values.get(i);
            String t = text(v);
            String padded =
                    alignNumbers && v instanceof Number
                            ? " ".repeat(widths[i] - t.length()) + t
                            : t + " ".repeat(widths[i] - t.length());
            sb.append(' ').append(padded).append(" |");
        }
        return sb.toString();
    }

    private static String text(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Double || v instanceof Float) {
            return String.format("%.2f", ((Number) v).doubleValue());
        }
        return String.valueOf(v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n")
                ? "\"" + s.replace("\"", "\"\"") + "\""
                : s;
    }

    private static String jsonValue(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        return json(String.valueOf(v));
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
