package io.tributary.pipelines.testutils;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Bad records made from good ones, reproducibly from a seed: a JSON value swapped for one that
 * broke a decoder somewhere (numbers beyond every range, times past year 9999, huge strings, deep
 * nesting, wrong JSON types), bytes flipped, inserted or cut off, or nothing but random bytes.
 */
public final class RecordMutator {
    /** JSON values that are valid JSON but out of every column's range or of the wrong kind. */
    public static final List<String> NASTY_VALUES =
            List.of(
                    "1e2147483647",
                    "\"1e2147483647\"",
                    "-1e2147483647",
                    "\"1e-2147483647\"",
                    "1e400",
                    "\"1e400\"",
                    "-1e400",
                    "\"1e1000000000\"",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "123456789012345678901234567890",
                    "\"+300000-01-01T00:00:00Z\"",
                    "\"-300000-01-01T00:00:00Z\"",
                    "\"10000-01-01\"",
                    "\"0000-00-00 00:00:00\"",
                    "253402300800000",
                    "-62135596800001",
                    "9223372036854775807",
                    "\"NaN\"",
                    "\"Infinity\"",
                    "true",
                    "[]",
                    "{}",
                    "null",
                    "\"\"",
                    "\"__debezium_unavailable_value\"",
                    "\"%%%\"",
                    "\"AAAA\"",
                    "\"\\u0000\"",
                    "\"" + "x".repeat(200_000) + "\"",
                    "[".repeat(3_000) + "]".repeat(3_000),
                    "-0",
                    "0.0000000000000000001");

    private final Random random;

    public RecordMutator(long seed) {
        this.random = new Random(seed);
    }

    /** One bad variant of {@code json}. */
    public byte[] mutate(String json) {
        switch (random.nextInt(6)) {
            case 0:
            case 1:
                return swapValue(json).getBytes(StandardCharsets.UTF_8);
            case 2:
                return flipBytes(json.getBytes(StandardCharsets.UTF_8));
            case 3:
                return truncate(json.getBytes(StandardCharsets.UTF_8));
            case 4:
                return insertBytes(json.getBytes(StandardCharsets.UTF_8));
            default:
                byte[] noise = new byte[random.nextInt(2_000)];
                random.nextBytes(noise);
                return noise;
        }
    }

    /** Replaces the value after one randomly chosen {@code "key":} with a nasty one. */
    private String swapValue(String json) {
        int colons = 0;
        for (int i = 0; i < json.length(); i++) {
            if (json.charAt(i) == ':' && i > 0 && json.charAt(i - 1) == '"') {
                colons++;
            }
        }
        int target = random.nextInt(Math.max(colons, 1));
        for (int i = 0, seen = 0; i < json.length(); i++) {
            if (json.charAt(i) == ':' && i > 0 && json.charAt(i - 1) == '"' && seen++ == target) {
                int end = valueEnd(json, i + 1);
                return json.substring(0, i + 1)
                        + NASTY_VALUES.get(random.nextInt(NASTY_VALUES.size()))
                        + json.substring(end);
            }
        }
        return json;
    }

    /**
     * Where the JSON value starting at {@code start} ends (a scalar, or a balanced object or
     * array).
     */
    private static int valueEnd(String json, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                if (--depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return json.length();
    }

    private byte[] flipBytes(byte[] bytes) {
        for (int n = 1 + random.nextInt(4); n > 0 && bytes.length > 0; n--) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private byte[] truncate(byte[] bytes) {
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
    }

    private byte[] insertBytes(byte[] bytes) {
        int at = random.nextInt(bytes.length + 1);
        byte[] junk = new byte[1 + random.nextInt(16)];
        random.nextBytes(junk);
        byte[] out = new byte[bytes.length + junk.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(junk, 0, out, at, junk.length);
        System.arraycopy(bytes, at, out, at + junk.length, bytes.length - at);
        return out;
    }
}
