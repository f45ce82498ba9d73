package io.tributary.udfs.retail;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Reads a shop event from a JSON line, or from a CSV line given its file's header, and checks it:
 * ids present, a time with its UTC offset, a price not negative, a purchase with a price and a
 * quantity of at least 1. Missing {@code purchased} means a visit; a missing category is {@value
 * #UNKNOWN_CATEGORY}; an empty person is an anonymous visitor.
 */
@PublicEvolving
public final class RetailEventParser {
    public static final String UNKNOWN_CATEGORY = "unknown";

    /** Digits after the point a price may have: the silver column is DECIMAL(18, 4). */
    public static final int PRICE_SCALE = 4;

    private String header;
    private Map<String, Integer> columns;

    /** What a line is: an event, its file's CSV header, or a reject with the reason. */
    @PublicEvolving
    public static final class Result {
        public final RetailEvent event;
        public final String rejectReason;
        public final boolean isHeader;

        private Result(RetailEvent event, String rejectReason, boolean isHeader) {
            this.event = event;
            this.rejectReason = rejectReason;
            this.isHeader = isHeader;
        }
    }

    /**
     * @param header the first line of the line's CSV file; {@code null} for a JSON line
     */
    public Result parse(String line, String header) {
        try {
            if (header == null) {
                return event(FlatJson.parse(line));
            }
            if (line.equals(header)) {
                return new Result(null, null, true);
            }
            return event(csvMembers(line, header));
        } catch (IllegalArgumentException e) {
            return new Result(null, e.getMessage(), false);
        }
    }

    private Map<String, String> csvMembers(String line, String header) {
        if (!header.equals(this.header)) {
            List<String> names = CsvLine.split(header);
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                byName.put(names.get(i).toLowerCase(Locale.ROOT), i);
            }
            this.header = header;
            this.columns = byName;
        }
        List<String> fields = CsvLine.split(line);
        if (fields.size() != columns.size()) {
            throw new IllegalArgumentException(
                    fields.size() + " CSV fields where the header has " + columns.size());
        }
        Map<String, String> members = new HashMap<>();
        columns.forEach(
                (name, i) -> members.put(name, fields.get(i).isEmpty() ? null : fields.get(i)));
        return members;
    }

    private static Result event(Map<String, String> m) {
        String eventId = required(m, "event_id");
        String itemId = required(m, "item_id");
        String personId = blankToNull(m.get("person_id"));
        String category = blankToNull(m.get("item_category"));
        OffsetDateTime time = time(required(m, "event_time"));
        boolean purchased = bool(m.get("purchased"));
        BigDecimal price = price(m.get("price"));
        Integer quantity = quantity(m.get("quantity"));
        if (purchased && price == null) {
            throw new IllegalArgumentException("a purchase without a price");
        }
        if (purchased && (quantity == null || quantity < 1)) {
            throw new IllegalArgumentException("a purchase without a quantity of at least 1");
        }
        ZoneOffset offset = time.getOffset();
        return new Result(
                new RetailEvent(
                        eventId,
                        personId,
                        itemId,
                        category == null ? UNKNOWN_CATEGORY : category,
                        time.toInstant(),
                        offset == ZoneOffset.UTC ? "+00:00" : offset.getId(),
                        time.toLocalDate(),
                        purchased,
                        price,
                        quantity),
                null,
                false);
    }

    private static String required(Map<String, String> m, String name) {
        String value = blankToNull(m.get(name));
        if (value == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static OffsetDateTime time(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "event_time '" + text + "' is not an ISO-8601 time with a UTC offset");
        }
    }

    private static boolean bool(String text) {
        String s = blankToNull(text);
        if (s == null) {
            return false;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true":
            case "1":
                return true;
            case "false":
            case "0":
                return false;
            default:
                throw new IllegalArgumentException("purchased '" + s + "' is not a boolean");
        }
    }

    private static BigDecimal price(String text) {
        String s = blankToNull(text);
        if (s == null) {
            return null;
        }
        BigDecimal price;
        try {
            price = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("price '" + s + "' is not a number");
        }
        if (price.signum() < 0) {
            throw new IllegalArgumentException("a negative price " + s);
        }
        if (price.precision() - price.scale() > 18 - PRICE_SCALE) {
            throw new IllegalArgumentException("price " + s + " is too large");
        }
        try {
            return price.setScale(PRICE_SCALE);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "price " + s + " has more than " + PRICE_SCALE + " decimals");
        }
    }

    private static Integer quantity(String text) {
        String s = blankToNull(text);
        if (s == null) {
            return null;
        }
        int quantity;
        try {
            quantity = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quantity '" + s + "' is not a whole number");
        }
        if (quantity < 0) {
            throw new IllegalArgumentException("a negative quantity " + s);
        }
        return quantity;
    }
}
