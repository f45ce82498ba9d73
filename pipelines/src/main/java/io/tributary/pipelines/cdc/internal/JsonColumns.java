package io.tributary.pipelines.cdc.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import org.apache.flink.annotation.Internal;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * A column value of a change event's row image as Flink's internal value of the column's type.
 * Accepts what Debezium and DMS actually send: numbers as JSON numbers or strings, booleans as
 * {@code true}/{@code 1}, dates as epoch days or ISO text, timestamps as epoch milli-, micro- or
 * nanoseconds (by Debezium's schema name, else by magnitude) or as text (with an offset, or UTC),
 * decimals as numbers, text or Debezium's base64 unscaled bytes, binary as base64.
 */
@Internal
final class JsonColumns {
    private static final DateTimeFormatter LOCAL_DATE_TIME =
            new DateTimeFormatterBuilder()
                    .append(DateTimeFormatter.ISO_LOCAL_DATE)
                    .optionalStart()
                    .appendLiteral('T')
                    .optionalEnd()
                    .optionalStart()
                    .appendLiteral(' ')
                    .optionalEnd()
                    .append(DateTimeFormatter.ISO_LOCAL_TIME)
                    .toFormatter();
    private static final long MILLIS_LIMIT = 100_000_000_000_000L; // year 5138 in ms: larger is µs
    private static final long MICROS_LIMIT = MILLIS_LIMIT * 1000;

    /** The range lake dates and timestamps keep to, as Spark, Trino and Athena read them. */
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final long FIRST_DAY = LocalDate.of(1, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    private static final int MAX_QUOTED = 80;

    private JsonColumns() {}

    /**
     * A value for a reason: long text is cut, so one bad row cannot make a huge rejects row twice.
     */
    private static String abbreviated(JsonNode value) {
        String text = value.asText();
        return text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text;
    }

    /**
     * @throws IllegalArgumentException saying why the value does not fit the type
     */
    static Object convert(JsonNode value, LogicalType type, JsonNode debeziumSchema) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
                return StringData.fromString(
                        value.isValueNode() ? value.asText() : value.toString());
            case BOOLEAN:
                return bool(value);
            case TINYINT:
                return (byte) integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SMALLINT:
                return (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE);
            case INTEGER:
                return (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT:
                return integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT:
                return (float) finite(value, floating(value), Float.MAX_VALUE);
            case DOUBLE:
                return finite(value, floating(value), Double.MAX_VALUE);
            case DECIMAL:
                return decimal(value, (DecimalType) type, debeziumSchema);
            case DATE:
                return date(value);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                Instant instant = instant(value, debeziumSchema);
                if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
                    throw new IllegalArgumentException(instant + " is outside years 1-9999");
                }
                return type.getTypeRoot() == LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                        ? TimestampData.fromInstant(instant)
                        : TimestampData.fromLocalDateTime(
                                LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            case BINARY:
            case VARBINARY:
                return bytes(value);
            default:
                throw new IllegalArgumentException("type " + type + " is not supported");
        }
    }

    private static boolean bool(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText().trim().toLowerCase(Locale.ROOT);
        switch (text) {
            case "true":
            case "t":
            case "1":
            case "y":
            case "yes":
                return true;
            case "false":
            case "f":
            case "0":
            case "n":
            case "no":
                return false;
            default:
                throw new IllegalArgumentException("'" + abbreviated(value) + "' is not a boolean");
        }
    }

    private static long integral(JsonNode value, long min, long max) {
        BigDecimal number = number(value);
        long result;
        try {
            result = number.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "'" + abbreviated(value) + "' is not a whole number in range");
        }
        if (result < min || result > max) {
            throw new IllegalArgumentException(
                    result + " is out of range [" + min + ", " + max + "]");
        }
        return result;
    }

    private static double floating(JsonNode value) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        try {
            return Double.parseDouble(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + abbreviated(value) + "' is not a number");
        }
    }

    /**
     * A number beyond the type's range is the sender's mistake, not infinity; "Infinity" and "NaN"
     * pass.
     */
    private static double finite(JsonNode value, double number, double max) {
        if (Math.abs(number) > max
                && !(value.isTextual() && value.asText().trim().matches("[+-]?Infinity"))) {
            throw new IllegalArgumentException("'" + abbreviated(value) + "' is out of range");
        }
        return number;
    }

    private static BigDecimal number(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + abbreviated(value) + "' is not a number");
        }
    }

    private static DecimalData decimal(JsonNode value, DecimalType type, JsonNode schema) {
        BigDecimal number;
        if (value.isTextual()
                && schema != null
                && "org.apache.kafka.connect.data.Decimal".equals(schema.path("name").asText())) {
            int scale = schema.path("parameters").path("scale").asInt(0);
            number =
                    new BigDecimal(
                            new BigInteger(Base64.getDecoder().decode(value.asText())), scale);
        } else {
            number = number(value);
        }
        // Digits left of the point, from the representation: '1e2147483647' must not be expanded.
        long integerDigits = (long) number.precision() - number.scale();
        if (number.signum() != 0 && integerDigits > type.getPrecision() - type.getScale()) {
            throw new IllegalArgumentException(abbreviated(value) + " does not fit " + type);
        }
        if (number.signum() == 0 || integerDigits < -type.getScale() - 1) {
            number = BigDecimal.ZERO; // below half the last digit: rounds to zero, without a huge
            // division
        }
        DecimalData decimal =
                DecimalData.fromBigDecimal(
                        number.setScale(type.getScale(), RoundingMode.HALF_UP),
                        type.getPrecision(),
                        type.getScale());
        if (decimal == null) {
            throw new IllegalArgumentException(number + " does not fit " + type);
        }
        return decimal;
    }

    private static int date(JsonNode value) {
        long day;
        if (value.isIntegralNumber()) {
            day = integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else {
            String text = value.asText().trim();
            try {
                day =
                        LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text)
                                .toEpochDay();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "'"
                                + abbreviated(value)
                                + "' is not a date (yyyy-MM-dd or days since 1970)");
            }
        }
        if (day < FIRST_DAY || day > LAST_DAY) {
            throw new IllegalArgumentException(
                    "day " + day + " since 1970 is outside years 1-9999");
        }
        return (int) day;
    }

    static Instant instant(JsonNode value, JsonNode schema) {
        if (value.isIntegralNumber()) {
            long n = integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
            String unit = schema == null ? "" : schema.path("name").asText("");
            if (unit.endsWith("NanoTimestamp") || (unit.isEmpty() && Math.abs(n) >= MICROS_LIMIT)) {
                return Instant.ofEpochSecond(
                        Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
            }
            if (unit.endsWith("MicroTimestamp")
                    || (unit.isEmpty() && Math.abs(n) >= MILLIS_LIMIT)) {
                return Instant.ofEpochSecond(
                        Math.floorDiv(n, 1_000_000L), Math.floorMod(n, 1_000_000L) * 1000);
            }
            return Instant.ofEpochMilli(n);
        }
        String text = value.asText().trim();
        try {
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(
                                text.replace(' ', 'T'), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
            }
            return LocalDateTime.parse(text, LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'"
                            + text
                            + "' is not a timestamp (ISO-8601, 'yyyy-MM-dd HH:mm:ss[.f]'"
                            + " in UTC, or epoch milliseconds)");
        }
    }

    private static byte[] bytes(JsonNode value) {
        if (UnavailableValues.PLACEHOLDER.equals(value.asText())) {
            return UnavailableValues.bytes(); // filled from the row's previous version downstream
        }
        try {
            return Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + abbreviated(value) + "' is not base64");
        }
    }
}
