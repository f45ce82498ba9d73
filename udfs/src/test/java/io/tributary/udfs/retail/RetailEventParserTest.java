package io.tributary.udfs.retail;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RetailEventParserTest {
    private static final String HEADER =
            "event_id,person_id,item_id,item_category,event_time,purchased,price,quantity";
    private final RetailEventParser parser = new RetailEventParser();

    @Test
    void aJsonPurchaseIsReadWithItsDateInItsOwnOffset() {
        RetailEvent e =
                parser.parse(
                                "{\"event_id\": \"e1\", \"person_id\": 42, \"item_id\": \"i\\u0031\","
                                        + " \"item_category\": \"books\", \"event_time\":"
                                        + " \"2026-03-01T23:30:00-05:00\", \"purchased\": true,"
                                        + " \"price\": 12.5, \"quantity\": 2}",
                                null)
                        .event;
        assertThat(e.eventId).isEqualTo("e1");
        assertThat(e.personId).isEqualTo("42");
        assertThat(e.itemId).isEqualTo("i1");
        assertThat(e.eventTime).isEqualTo(Instant.parse("2026-03-02T04:30:00Z"));
        assertThat(e.eventDate).as("the local date, not UTC's").isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(e.utcOffset).isEqualTo("-05:00");
        assertThat(e.purchased).isTrue();
        assertThat(e.price).isEqualTo(new BigDecimal("12.5000"));
        assertThat(e.quantity).isEqualTo(2);
    }

    @Test
    void aCsvLineIsReadThroughItsHeaderInAnyColumnOrder() {
        String header = "item_id,event_time,event_id,person_id,purchased,price,quantity";
        assertThat(parser.parse(header, header).isHeader).isTrue();
        RetailEvent e = parser.parse("\"i,7\",2026-03-01T10:00:00Z,e2,,false,,", header).event;
        assertThat(e.itemId).isEqualTo("i,7");
        assertThat(e.personId).as("anonymous").isNull();
        assertThat(e.itemCategory).isEqualTo(RetailEventParser.UNKNOWN_CATEGORY);
        assertThat(e.utcOffset).isEqualTo("+00:00");
        assertThat(e.purchased).isFalse();
        assertThat(e.price).isNull();
    }

    @Test
    void invalidEventsAreRejectedWithTheirReason() {
        assertThat(reason("{\"item_id\":\"i\",\"event_time\":\"2026-03-01T10:00:00Z\"}"))
                .isEqualTo("no event_id");
        assertThat(reason("{\"event_id\":\"e\",\"event_time\":\"2026-03-01T10:00:00Z\"}"))
                .isEqualTo("no item_id");
        assertThat(
                        reason(
                                "{\"event_id\":\"e\",\"item_id\":\"i\",\"event_time\":\"2026-03-01 10:00\"}"))
                .contains("not an ISO-8601 time with a UTC offset");
        assertThat(
                        reason(
                                "{\"event_id\":\"e\",\"item_id\":\"i\",\"event_time\":\"2026-03-01T10:00:00\"}"))
                .as("no offset")
                .contains("UTC offset");
        assertThat(reason(event("true", "-1", "1"))).contains("negative price");
        assertThat(reason(event("true", "3", null))).contains("without a quantity");
        assertThat(reason(event("true", "3", "0"))).contains("without a quantity");
        assertThat(reason(event("true", null, "1"))).contains("without a price");
        assertThat(reason(event("maybe", "3", "1"))).contains("not a boolean");
        assertThat(reason(event("true", "3.12345", "1"))).contains("more than 4 decimals");
        assertThat(reason("not json")).startsWith("not a flat JSON object");
        assertThat(reason("{\"event_id\":{\"nested\":1}}")).contains("nested");
        assertThat(parser.parse("e9,p,i,c,2026-03-01T10:00:00Z,true", HEADER).rejectReason)
                .contains("6 CSV fields where the header has 8");
        assertThat(parser.parse("e9,\"p,i,c,2026", HEADER).rejectReason).contains("not closed");
    }

    @Test
    void aViewNeedsNeitherPriceNorQuantity() {
        RetailEvent view = parser.parse(event("false", null, null), null).event;
        assertThat(view).isNotNull();
        assertThat(view.purchased).isFalse();
    }

    private String reason(String line) {
        RetailEventParser.Result r = parser.parse(line, null);
        assertThat(r.event).as(line).isNull();
        return r.rejectReason;
    }

    private static String event(String purchased, String price, String quantity) {
        return "{\"event_id\":\"e\",\"person_id\":\"p\",\"item_id\":\"i\","
                + "\"event_time\":\"2026-03-01T10:00:00+01:00\",\"purchased\":"
                + ("true".equals(purchased) || "false".equals(purchased)
                        ? purchased
                        : "\"" + purchased + "\"")
                + (price == null ? "" : ",\"price\":" + price)
                + (quantity == null ? "" : ",\"quantity\":" + quantity)
                + "}";
    }
}
