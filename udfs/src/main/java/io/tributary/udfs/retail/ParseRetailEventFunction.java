package io.tributary.udfs.retail;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.functions.TableFunction;

/**
 * {@code LATERAL TABLE(parse_retail_event(line, csv_header))}: exactly one row per line — the
 * event, or only {@code reject_reason}, or {@code is_header} for a CSV file's header line. {@code
 * csv_header} is the line's file's first line for a CSV file, {@code NULL} for a JSON line. {@code
 * parse_retail_event(line, csv_header, decode_error)} rejects a record whose envelope could not be
 * opened with that reason, without parsing it, so that the view over the function needs no
 * expression after it (see {@code parse_access_log}).
 */
@PublicEvolving
@FunctionHint(
        output =
                @DataTypeHint(
                        value =
                                "ROW<event_id STRING, person_id STRING, item_id STRING,"
                                        + " item_category STRING, event_time TIMESTAMP_LTZ(3),"
                                        + " utc_offset STRING, event_date DATE, purchased BOOLEAN,"
                                        + " price DECIMAL(18, 4), quantity INT,"
                                        + " reject_reason STRING, is_header BOOLEAN>",
                        bridgedTo = RowData.class))
public class ParseRetailEventFunction extends TableFunction<RowData> {
    public static final String NAME = "parse_retail_event";
    private static final int FIELDS = 12;

    private transient RetailEventParser parser;

    public void eval(String line, String csvHeader, String decodeError) {
        if (decodeError == null) {
            eval(line, csvHeader);
            return;
        }
        GenericRowData row = new GenericRowData(FIELDS);
        row.setField(10, StringData.fromString(decodeError));
        row.setField(11, false);
        collect(row);
    }

    public void eval(String line, String csvHeader) {
        GenericRowData row = new GenericRowData(FIELDS);
        if (line == null) {
            row.setField(10, StringData.fromString("an empty record"));
            row.setField(11, false);
            collect(row);
            return;
        }
        if (parser == null) {
            parser = new RetailEventParser(); // per task: it keeps the last CSV header's columns
        }
        RetailEventParser.Result parsed = parser.parse(line, csvHeader);
        row.setField(11, parsed.isHeader);
        if (parsed.event == null) {
            if (parsed.rejectReason != null) {
                row.setField(10, StringData.fromString(parsed.rejectReason));
            }
            collect(row);
            return;
        }
        RetailEvent e = parsed.event;
        row.setField(0, StringData.fromString(e.eventId));
        row.setField(1, e.personId == null ? null : StringData.fromString(e.personId));
        row.setField(2, StringData.fromString(e.itemId));
        row.setField(3, StringData.fromString(e.itemCategory));
        row.setField(4, TimestampData.fromInstant(e.eventTime));
        row.setField(5, StringData.fromString(e.utcOffset));
        row.setField(6, (int) e.eventDate.toEpochDay());
        row.setField(7, e.purchased);
        row.setField(
                8,
                e.price == null
                        ? null
                        : DecimalData.fromBigDecimal(e.price, 18, RetailEventParser.PRICE_SCALE));
        row.setField(9, e.quantity);
        collect(row);
    }
}
