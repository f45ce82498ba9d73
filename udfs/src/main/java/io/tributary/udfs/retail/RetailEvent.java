package io.tributary.udfs.retail;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.flink.annotation.PublicEvolving;

/**
 * One visit of a person (or an anonymous visitor) to an item's page, possibly a purchase, as the
 * silver table holds it. {@code eventDate} is the calendar date in the event's own UTC offset.
 */
@PublicEvolving
public final class RetailEvent {
    public final String eventId;
    public final String personId;
    public final String itemId;
    public final String itemCategory;
    public final Instant eventTime;
    public final String utcOffset;
    public final LocalDate eventDate;
    public final boolean purchased;
    public final BigDecimal price;
    public final Integer quantity;

    RetailEvent(
            String eventId,
            String personId,
            String itemId,
            String itemCategory,
            Instant eventTime,
            String utcOffset,
            LocalDate eventDate,
            boolean purchased,
            BigDecimal price,
            Integer quantity) {
        this.eventId = eventId;
        this.personId = personId;
        this.itemId = itemId;
        this.itemCategory = itemCategory;
        this.eventTime = eventTime;
        this.utcOffset = utcOffset;
        this.eventDate = eventDate;
        this.purchased = purchased;
        this.price = price;
        this.quantity = quantity;
    }
}
