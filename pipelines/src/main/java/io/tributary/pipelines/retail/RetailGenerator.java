package io.tributary.pipelines.retail;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a shop's event history, one file a day ({@code events-<date>.json}, every third one
 * gzipped; or CSV with a header): persons whose tastes favour a few item clusters within their
 * favourite categories, items with popular heads and long tails, sessions of several views,
 * conversion with a purchase's quantity and price, weekends busier than weekdays, anonymous
 * visitors, persons in four UTC offsets, and a small share of bad rows (unparseable lines, missing
 * ids, negative prices, purchases without quantity) and re-sent events. The same seed writes the
 * same files. With {@code purchasesOnly}, only purchases are written: the export some shops have.
 */
public final class RetailGenerator {
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);
    private static final String[] CATEGORIES = {
        "books", "toys", "garden", "electronics", "fashion", "beauty",
        "sports", "kitchen", "music", "games", "pets", "office"
    };
    private static final ZoneOffset[] OFFSETS = {
        ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHours(-5), ZoneOffset.ofHours(9)
    };
    private static final int CLUSTER_SIZE = 12;
    private static final double ANONYMOUS = 0.15;
    private static final double BAD_ROWS = 0.002;
    private static final double RESENT = 0.002;

    /** How the events are written. */
    public enum Format {
        JSON,
        CSV
    }

    private final SplittableRandom random;

    public RetailGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** What was written. */
    public static final class Result {
        public final List<Path> files = new ArrayList<>();
        public long lines;
        public long badRows;
    }

    /**
     * @param events about this many events in all, the spoilt ones among them (re-sent ones on top)
     */
    public Result generate(
            Path dir,
            long events,
            int persons,
            int items,
            int days,
            Format format,
            boolean purchasesOnly)
            throws IOException {
        if (events < 0 || persons < 1 || items < CATEGORIES.length || days < 1) {
            throw new IllegalArgumentException(
                    "events must be ≥ 0, persons ≥ 1, items ≥ " + CATEGORIES.length + ", days ≥ 1");
        }
        Files.createDirectories(dir);
        Shop shop = new Shop(items);
        Person[] people = new Person[persons];
        for (int p = 0; p < persons; p++) {
            people[p] = new Person(p, shop);
        }
        double[] weekday = {0, 0.9, 0.85, 0.9, 1.0, 1.15, 1.35, 1.25}; // by ISO day of week
        double weights = 0;
        for (int d = 0; d < days; d++) {
            weights += weekday[FIRST_DAY.plusDays(d).getDayOfWeek().getValue()];
        }
        Result result = new Result();
        long id = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = FIRST_DAY.plusDays(d);
            long target = Math.round(events * weekday[day.getDayOfWeek().getValue()] / weights);
            boolean gzip = d % 3 == 2;
            Path file =
                    dir.resolve(
                            "events-"
                                    + day
                                    + (format == Format.CSV ? ".csv" : ".json")
                                    + (gzip ? ".gz" : ""));
            try (BufferedWriter out = writer(file, gzip)) {
                if (format == Format.CSV) {
                    out.write(
                            "event_id,person_id,item_id,item_category,event_time,purchased,price,quantity\n");
                    result.lines++;
                }
                long written = 0;
                String last = null;
                while (written < target) {
                    Person person = people[random.nextInt(persons)];
                    boolean anonymous = random.nextDouble() < ANONYMOUS;
                    int[] session = person.session(shop, random);
                    int second = random.nextInt(86_400 - 3_600);
                    for (int view : session) {
                        boolean bought = random.nextDouble() < shop.conversion(view);
                        if (purchasesOnly && !bought) {
                            continue;
                        }
                        second += 20 + random.nextInt(240);
                        OffsetDateTime time =
                                day.atStartOfDay()
                                        .plusSeconds(Math.min(second, 86_399))
                                        .atOffset(person.offset);
                        String line =
                                line(
                                        format,
                                        "ev-" + Long.toString(++id, 36),
                                        anonymous ? null : "p" + person.id,
                                        "item-" + view,
                                        shop.category(view),
                                        time,
                                        bought,
                                        shop.price(view),
                                        bought
                                                ? 1
                                                        + (random.nextDouble() < 0.2
                                                                ? random.nextInt(3)
                                                                : 0)
                                                : 0);
                        if (random.nextDouble() < BAD_ROWS) {
                            line = spoil(line, format);
                            result.badRows++;
                        }
                        out.write(line);
                        out.write('\n');
                        result.lines++;
                        written++;
                        if (last != null && random.nextDouble() < RESENT) {
                            out.write(last); // a client's retry: the same event id again
                            out.write('\n');
                            result.lines++;
                        }
                        last = line;
                    }
                }
            }
            result.files.add(file);
        }
        return result;
    }

    private static BufferedWriter writer(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new BufferedWriter(
                new OutputStreamWriter(
                        gzip ? new GZIPOutputStream(out) : out, StandardCharsets.UTF_8),
                1 << 16);
    }

    private static String line(
            Format format,
            String id,
            String person,
            String item,
            String category,
            OffsetDateTime time,
            boolean purchased,
            String price,
            int quantity) {
        String t = time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        if (format == Format.CSV) {
            return String.join(
                    ",",
                    id,
                    person == null ? "" : person,
                    item,
                    category,
                    t,
                    String.valueOf(purchased),
                    price,
                    purchased ? String.valueOf(quantity) : "");
        }
        return "{\"event_id\":\""
                + id
                + "\",\"person_id\":"
                + (person == null ? "null" : "\"" + person + "\"")
                + ",\"item_id\":\""
                + item
                + "\",\"item_category\":\""
                + category
                + "\",\"event_time\":\""
                + t
                + "\",\"purchased\":"
                + purchased
                + ",\"price\":"
                + price
                + (purchased ? ",\"quantity\":" + quantity : "")
                + "}";
    }

    /** One of the ways a real export goes wrong. */
    private String spoil(String line, Format format) {
        switch (random.nextInt(4)) {
            case 0:
                return line.substring(0, line.length() / 2); // cut off
            case 1:
                return format == Format.CSV
                        ? line.replaceFirst("^[^,]*", "")
                        : line.replaceFirst("\"event_id\":\"[^\"]*\",", ""); // no id
            case 2:
                return format == Format.CSV
                        ? line.replaceFirst(",true,", ",true,-").replaceFirst(",false,", ",false,-")
                        : line.replace("\"price\":", "\"price\":-"); // a negative price
            default:
                return format == Format.CSV
                        ? line.replaceFirst(",\\d+$", ",")
                                .replaceFirst(",false,([^,]*),$", ",true,$1,")
                        : line.replaceFirst(",\"quantity\":\\d+", "")
                                .replace(
                                        "\"purchased\":false", "\"purchased\":true"); // no quantity
        }
    }

    /** The catalogue: items in categories, in clusters of related items, with popularity. */
    private static final class Shop {
        final int items;
        final double[] price;
        final double[] appeal;

        Shop(int items) {
            this.items = items;
            this.price = new double[items];
            this.appeal = new double[items];
            SplittableRandom r = new SplittableRandom(items);
            for (int i = 0; i < items; i++) {
                double base = 5 + 10 * (category(i).hashCode() & 7);
                price[i] = Math.round(base * Math.exp(r.nextGaussian() * 0.5) * 100) / 100.0;
                appeal[i] = 0.03 + 0.1 / (1 + rankInCluster(i));
            }
        }

        String category(int item) {
            return CATEGORIES[(item / CLUSTER_SIZE) % CATEGORIES.length];
        }

        int rankInCluster(int item) {
            return item % CLUSTER_SIZE;
        }

        int clusters() {
            return (items + CLUSTER_SIZE - 1) / CLUSTER_SIZE;
        }

        double conversion(int item) {
            return appeal[item];
        }

        String price(int item) {
            return String.format(Locale.ROOT, "%.2f", price[item]);
        }

        /** An item of the cluster, the cluster's head more often than its tail. */
        int pick(int cluster, SplittableRandom r) {
            int first = cluster * CLUSTER_SIZE;
            int size = Math.min(CLUSTER_SIZE, items - first);
            int rank = (int) Math.floor(Math.pow(r.nextDouble(), 2.2) * size); // skewed to 0
            return first + rank;
        }

        /** A cluster anywhere, popular (low-numbered) clusters more often. */
        int anyCluster(SplittableRandom r) {
            return (int) Math.floor(Math.pow(r.nextDouble(), 1.8) * clusters());
        }
    }

    private static final class Person {
        final int id;
        final ZoneOffset offset;
        final int[] favourites;

        Person(int id, Shop shop) {
            SplittableRandom r = new SplittableRandom(id * 7919L + 17);
            this.id = id;
            this.offset = OFFSETS[r.nextInt(OFFSETS.length)];
            this.favourites = new int[1 + r.nextInt(3)];
            for (int f = 0; f < favourites.length; f++) {
                favourites[f] = shop.anyCluster(r);
            }
        }

        /** The items one visit to the shop views, in order. */
        int[] session(Shop shop, SplittableRandom r) {
            int views = 1 + (int) Math.floor(Math.pow(r.nextDouble(), 2) * 6);
            int cluster =
                    r.nextDouble() < 0.8
                            ? favourites[r.nextInt(favourites.length)]
                            : shop.anyCluster(r);
            int[] session = new int[views];
            for (int v = 0; v < views; v++) {
                session[v] = shop.pick(cluster, r);
            }
            return session;
        }
    }
}
