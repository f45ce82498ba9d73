package io.tributary.udfs.retail;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.annotation.Internal;

/**
 * Reads one flat JSON object — string, number, boolean and null members, no nesting — into its
 * members' texts: a string member's unescaped text, a number's or boolean's literal, and {@code
 * null} for a JSON null. A shop event is such an object; anything else is refused with the reason,
 * so that a bad line becomes a rejects row rather than a failed job.
 */
@Internal
final class FlatJson {
    private final String text;
    private int pos;

    private FlatJson(String text) {
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException with a reader's reason, when the text is not a flat object
     */
    static Map<String, String> parse(String text) {
        return new FlatJson(text).object();
    }

    private Map<String, String> object() {
        Map<String, String> members = new HashMap<>();
        skipSpace();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            pos++;
            return end(members);
        }
        while (true) {
            skipSpace();
            String name = string();
            skipSpace();
            expect(':');
            skipSpace();
            members.put(name, value());
            skipSpace();
            char c = next();
            if (c == '}') {
                return end(members);
            }
            if (c != ',') {
                throw fail("expected ',' or '}'");
            }
        }
    }

    private Map<String, String> end(Map<String, String> members) {
        skipSpace();
        if (pos != text.length()) {
            throw fail("text after the object");
        }
        return members;
    }

    private String value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            throw fail("a nested object or array (events are flat)");
        }
        int start = pos;
        while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String literal = text.substring(start, pos);
        if (literal.equals("null")) {
            return null;
        }
        if (literal.equals("true") || literal.equals("false") || isNumber(literal)) {
            return literal;
        }
        pos = start;
        throw fail("not a JSON value");
    }

    private static boolean isNumber(String s) {
        return s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw fail("an unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"':
                case '\\':
                case '/':
                    out.append(e);
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'u':
                    if (pos + 4 > text.length()) {
                        throw fail("a short \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException bad) {
                        throw fail("a bad \\u escape");
                    }
                    pos += 4;
                    break;
                default:
                    throw fail("an unknown escape \\" + e);
            }
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw fail("the text ends early");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw fail("expected '" + c + "'");
        }
    }

    private IllegalArgumentException fail(String what) {
        return new IllegalArgumentException(
                "not a flat JSON object: " + what + " at character " + (pos + 1));
    }
}
