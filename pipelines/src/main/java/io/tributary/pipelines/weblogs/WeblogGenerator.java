package io.tributary.pipelines.weblogs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes realistic Apache combined-format access logs: one file a day ({@code access-<date>.log},
 * every third one gzipped), skewed client and endpoint popularity, bots, redirects, client and
 * server errors, and a small share of the edge cases a parser must survive — IPv6 and hostname
 * clients, {@code -} bytes, {@code "-"} and HTTP/0.9 request lines, escaped quotes and bytes, other
 * UTC offsets, garbage, truncated and empty lines. The same seed writes the same files.
 */
public final class WeblogGenerator {
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 3, 4);
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final String[] OFFSETS = {"+00:00", "-05:00", "+02:00", "+05:30"};
    private static final String[] PAGES = {
        "/",
        "/blog/",
        "/blog/flink-exactly-once",
        "/blog/delta-lake-on-s3",
        "/articles/streaming-joins",
        "/search",
        "/login",
        "/api/v1/orders",
        "/api/v1/orders/42",
        "/api/v1/cart",
        "/products/1234",
        "/products/5678",
        "/about",
        "/contact",
        "/docs/getting-started",
        "/docs/configuration",
        "/checkout",
    };
    private static final String[] FILES = {
        "/favicon.ico",
        "/css/site.css",
        "/js/app.js",
        "/images/logo.png",
        "/images/hero.jpg",
        "/feed.xml",
        "/robots.txt",
        "/downloads/report.pdf",
        "/fonts/inter.woff2",
    };
    private static final String[] AGENTS = {
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "curl/8.5.0",
        "Prometheus/2.51.0",
    };
    private static final String[] REFERRERS = {
        "-",
        "-",
        "https://www.google.com/",
        "https://example.org/blog/",
        "https://news.ycombinator.com/",
    };

    private final SplittableRandom random;
    private final List<String> clients = new ArrayList<>();

    public WeblogGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        for (int i = 0; i < 2_000; i++) {
            int kind = random.nextInt(100);
            if (kind < 4) {
                clients.add(
                        String.format(
                                "2001:db8:%x::%x", random.nextInt(0xffff), random.nextInt(0xffff)));
            } else if (kind < 7) {
                clients.add("host-" + random.nextInt(500) + ".example.net");
            } else {
                clients.add(
                        (11 + random.nextInt(210))
                                + "."
                                + random.nextInt(256)
                                + "."
                                + random.nextInt(256)
                                + "."
                                + (1 + random.nextInt(254)));
            }
        }
    }

    /** What was written. */
    public static final class Result {
        public final List<Path> files = new ArrayList<>();
        public long lines;
    }

    public Result generate(Path dir, long lines, int days) throws IOException {
        if (lines < 0 || days < 1) {
            throw new IllegalArgumentException("lines must be ≥ 0 and days ≥ 1");
        }
        Files.createDirectories(dir);
        Result result = new Result();
        for (int day = 0; day < days; day++) {
            long count = share(lines, days, day);
            LocalDate date = FIRST_DAY.plusDays(day);
            boolean gzip = day % 3 == 2;
            Path file = dir.resolve("access-" + date + (gzip ? ".log.gz" : ".log"));
            try (OutputStream raw = Files.newOutputStream(file);
                    OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
                    Writer writer =
                            new BufferedWriter(
                                    new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
                for (Iterator<String> it = day(date, count, day); it.hasNext(); ) {
                    writer.write(it.next());
                    writer.write('\n');
                }
            }
            result.files.add(file);
            result.lines += count;
        }
        return result;
    }

    /**
     * {@code lines} lines spanning {@code days} days in time order, all in one file ({@code .gz}
     * when its name ends so): a server's whole log, as users hand it over.
     */
    public Result generateOneFile(Path file, long lines, int days) throws IOException {
        Files.createDirectories(file.getParent());
        Result result = new Result();
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
                Writer writer =
                        new BufferedWriter(
                                new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            for (int day = 0; day < days; day++) {
                long count = share(lines, days, day);
                for (Iterator<String> it = day(FIRST_DAY.plusDays(day), count, day);
                        it.hasNext(); ) {
                    writer.write(it.next());
                    writer.write('\n');
                }
                result.lines += count;
            }
        }
        result.files.add(file);
        return result;
    }

    /**
     * {@code lines} lines over {@code days} days in {@code files} plain files, each a slice of one
     * day: what hourly (or per-instance) rotation leaves.
     */
    public Result generateManyFiles(Path dir, long lines, int days, int files) throws IOException {
        if (files < days) {
            throw new IllegalArgumentException("at least one file a day: files ≥ days");
        }
        Files.createDirectories(dir);
        Result result = new Result();
        for (int day = 0; day < days; day++) {
            long dayLines = share(lines, days, day);
            int dayFiles = (int) share(files, days, day);
            LocalDate date = FIRST_DAY.plusDays(day);
            Iterator<String> it = day(date, dayLines, day);
            for (int f = 0; f < dayFiles; f++) {
                long count = share(dayLines, dayFiles, f);
                Path file = dir.resolve(String.format("access-%s-%04d.log", date, f));
                try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    for (long i = 0; i < count; i++) {
                        writer.write(it.next());
                        writer.write('\n');
                    }
                }
                result.files.add(file);
                result.lines += count;
            }
        }
        return result;
    }

    /** Part {@code index} of {@code total} split into {@code parts} as even as can be. */
    private static long share(long total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }

    /** {@code count} lines spread over one day (the first day plus {@code dayIndex} days). */
    public List<String> day(long count, int dayIndex) {
        List<String> lines = new ArrayList<>();
        day(FIRST_DAY.plusDays(dayIndex), count, dayIndex).forEachRemaining(lines::add);
        return lines;
    }

    /**
     * As {@link #day(long, int)}, made as they are read, so a large day is never held in memory.
     */
    public Iterator<String> lines(long count, int dayIndex) {
        return day(FIRST_DAY.plusDays(dayIndex), count, dayIndex);
    }

    private Iterator<String> day(LocalDate date, long count, int dayIndex) {
        ZoneOffset offset = ZoneOffset.of(OFFSETS[dayIndex % OFFSETS.length]);
        long startSecond = date.atStartOfDay().toEpochSecond(offset);
        return LongStream.range(0, count)
                .mapToObj(i -> line(startSecond + (86_400L * i) / Math.max(count, 1), offset))
                .iterator();
    }

    private String line(long epochSecond, ZoneOffset offset) {
        int edge = random.nextInt(1000);
        if (edge < 20) {
            return edgeCase(edge, epochSecond, offset);
        }
        String client = clients.get((int) (Math.pow(random.nextDouble(), 3) * clients.size()));
        String path = random.nextInt(100) < 35 ? pick(FILES) : pick(PAGES);
        if (path.equals("/search")) {
            path +=
                    "?q="
                            + pick(new String[] {"flink", "delta", "kafka", "s3"})
                            + "&page="
                            + (1 + random.nextInt(3));
        }
        int status = status();
        String bytes = status == 304 || status == 101 ? "-" : Long.toString(bytes(path));
        return client
                + " - - ["
                + timestamp(epochSecond, offset)
                + "] \""
                + method()
                + " "
                + path
                + " HTTP/1.1\" "
                + status
                + " "
                + bytes
                + " \""
                + pick(REFERRERS)
                + "\" \""
                + pick(AGENTS)
                + "\"";
    }

    private String edgeCase(int edge, long epochSecond, ZoneOffset offset) {
        String ts = timestamp(epochSecond, offset);
        switch (edge % 10) {
            case 0:
                return "10.9.8.7 - - [" + ts + "] \"-\" 408 0 \"-\" \"-\"";
            case 1:
                return "10.9.8.7 - - ["
                        + ts
                        + "] \"GET /legacy\" 200 "
                        + (100 + random.nextInt(900));
            case 2:
                return "2001:db8::1 - alice ["
                        + ts
                        + "] \"GET /search?q=\\\"quoted\\\" HTTP/1.1\" 200 512 \"-\" \"Agent \\\"x\\\" caf\\xc3\\xa9\"";
            case 3:
                return "203.0.113.9 - - ["
                        + timestamp(epochSecond, ZoneOffset.ofHours(-8))
                        + "] \"POST /api/v1/orders HTTP/1.1\" 201 -";
            case 4:
                return "garbage line " + random.nextInt(1_000_000) + " that is not a request";
            case 5:
                return "198.51.100.4 - - [" + ts + "] \"GET /blog/ HTTP/1.1\"";
            case 6:
                return "198.51.100.4 - - [" + ts + "] \"GET /blog/ HTTP/1.1\" 200";
            case 7:
                return "";
            case 8:
                return "198.51.100.5 - - ["
                        + ts
                        + "] \"GET /contact HTTP/1.1\" 404 321 \"https://example.org/\" \"Mozilla/5.0 (Windo";
            default:
                return "192.0.2.1 - - ["
                        + ts
                        + "] \"\\x16\\x03\\x01\\x02\\x00\" 400 226 \"-\" \"-\"";
        }
    }

    private static String timestamp(long epochSecond, ZoneOffset offset) {
        return java.time.OffsetDateTime.ofInstant(
                        java.time.Instant.ofEpochSecond(epochSecond), offset)
                .format(TS);
    }

    private String method() {
        int r = random.nextInt(100);
        return r < 90 ? "GET" : r < 96 ? "POST" : r < 99 ? "HEAD" : "OPTIONS";
    }

    private int status() {
        int r = random.nextInt(1000);
        if (r < 780) {
            return 200;
        } else if (r < 850) {
            return 304;
        } else if (r < 920) {
            return 404;
        } else if (r < 940) {
            return 301;
        } else if (r < 955) {
            return 206;
        } else if (r < 967) {
            return 403;
        } else if (r < 975) {
            return 400;
        } else if (r < 990) {
            return 500;
        } else if (r < 998) {
            return 503;
        }
        return 101;
    }

    private long bytes(String path) {
        double base = path.startsWith("/images") || path.startsWith("/downloads") ? 120_000 : 6_000;
        return Math.max(1, (long) (base * Math.exp(random.nextGaussian() * 0.8)));
    }

    private String pick(String[] values) {
        return values[(int) (Math.pow(random.nextDouble(), 1.6) * values.length)];
    }
}
