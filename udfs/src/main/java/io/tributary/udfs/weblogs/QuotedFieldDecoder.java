package io.tributary.udfs.weblogs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a quoted log field that contains {@code mod_log_config} escapes: {@code \"}, {@code \\},
 * {@code \n}, {@code \t} and {@code \xhh}. Escaped bytes are collected and decoded as UTF-8, so a
 * multi-byte character logged as several {@code \xhh} escapes comes back whole.
 */
final class QuotedFieldDecoder {
    private final String line;
    private int pos;

    QuotedFieldDecoder(String line, int start) {
        this.line = line;
        this.pos = start;
    }

    /** Position just after the closing quote, or the line's end. */
    int position() {
        return pos;
    }

    /** The decoded value, or null when the line ends before the closing quote. */
    String decode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length() - pos);
        int end = line.length();
        while (pos < end) {
            char ch = line.charAt(pos);
            if (ch == '"') {
                pos++;
                return out.toString(StandardCharsets.UTF_8);
            }
            if (ch == '\\' && pos + 1 < end) {
                char next = line.charAt(pos + 1);
                int hex = next == 'x' && pos + 3 < end ? hexByte(pos + 2) : -1;
                if (hex >= 0) {
                    out.write(hex);
                    pos += 4;
                    continue;
                }
                if (next == '"' || next == '\\') {
                    out.write(next);
                    pos += 2;
                    continue;
                }
                if (next == 'n' || next == 't') {
                    out.write(next == 'n' ? '\n' : '\t');
                    pos += 2;
                    continue;
                }
            }
            writeUtf8(out, ch);
            pos++;
        }
        return null;
    }

    private int hexByte(int at) {
        int hi = Character.digit(line.charAt(at), 16);
        int lo = Character.digit(line.charAt(at + 1), 16);
        return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
    }

    private void writeUtf8(ByteArrayOutputStream out, char ch) {
        if (ch < 0x80) {
            out.write(ch);
            return;
        }
        if (Character.isHighSurrogate(ch) && pos + 1 < line.length()) {
            String pair = line.substring(pos, pos + 2);
            out.writeBytes(pair.getBytes(StandardCharsets.UTF_8));
            pos++;
            return;
        }
        out.writeBytes(String.valueOf(ch).getBytes(StandardCharsets.UTF_8));
    }
}
