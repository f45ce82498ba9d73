package io.tributary.udfs.weblogs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a quoted log field that contains {@code mod_log_config} escapes: {@code \"}, {@code \\},
 * {@code \n}, {@code \t} and {@code \xhh}. Escaped bytes are collected with the field's own UTF-8
 * bytes, so a multi-byte character logged as several {@code \xhh} escapes comes back whole; bytes
 * that are not UTF-8 become U+FFFD, as a decoder would make them.
 */
final class QuotedFieldDecoder {
    private final byte[] line;
    private final int end;
    private int pos;

    QuotedFieldDecoder(byte[] line, int start, int end) {
        this.line = line;
        this.pos = start;
        this.end = end;
    }

    /** Position just after the closing quote, or the line's end. */
    int position() {
        return pos;
    }

    /** The decoded value as UTF-8, or null when the line ends before the closing quote. */
    byte[] decode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - pos);
        while (pos < end) {
            byte b = line[pos];
            if (b == '"') {
                pos++;
                return out.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            }
            if (b == '\\' && pos + 1 < end) {
                byte next = line[pos + 1];
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
            out.write(b);
            pos++;
        }
        return null;
    }

    private int hexByte(int at) {
        int hi = hexDigit(line[at]);
        int lo = hexDigit(line[at + 1]);
        return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
    }

    /** An ASCII hex digit's value, as mod_log_config writes them; -1 for any other byte. */
    private static int hexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
