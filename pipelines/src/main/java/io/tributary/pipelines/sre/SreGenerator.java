package io.tributary.pipelines.sre;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.flink.annotation.PublicEvolving;

/**
 * A realistic year of a platform team's operational data, seeded and reproducible, as CSV files
 * with headers, one per source table: {@code esteira_prod.csv} (deploy pipeline runs), {@code
 * log.csv} (requests) and {@code chamados.csv} (incidents). What makes SLOs interesting is in it:
 * bursts of failed runs (a service's pipeline breaks for days), outages (hours in which a service
 * answers mostly 5xx), 429/499/503 answers, cancelled runs, an assignment group that takes far
 * longer to close incidents than the others, and incidents still open at the year's end. Timestamps
 * are UTC, {@code yyyy-MM-dd HH:mm:ss}; an open incident's {@code closed_at} is empty.
 */
@PublicEvolving
public final class SreGenerator {
    public static final List<String> SERVICES =
            List.of("checkout", "search", "payments", "auth", "catalog");
    static final List<String> GROUPS =
            List.of("platform-oncall", "payments-team", "network-ops", "db-admins");

    /** The group whose incidents take days, not hours: the contributor a report should find. */
    static final String SLOW_GROUP = "network-ops";

    private static final List<String> CATEGORIES =
            List.of("availability", "performance", "deployment", "security");
    private static final List<String> SYMPTOMS =
            List.of("errors", "latency", "timeouts", "login failures", "data mismatch");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SplittableRandom random;
    private final int year;
    private boolean badRows;

    public SreGenerator(long seed, int year) {
        this.random = new SplittableRandom(seed);
        this.year = year;
    }

    /**
     * Also writes a few rows operational databases hold and the pipeline must reject: a run that
     * finished before it started, one with an unknown status, one without a start; a request
     * without a timestamp and one with status 0; an incident without an opening time and one closed
     * before it opened. They come last in each file.
     */
    public SreGenerator withBadRows() {
        this.badRows = true;
        return this;
    }

    /** Row counts of what {@link #generate} wrote. */
    public static final class Result {
        public long runs;
        public long requests;
        public long incidents;
    }

    /**
     * Writes the three files into {@code dir}: about {@code requests} requests, runs and incidents
     * in proportion.
     */
    public Result generate(Path dir, long requests) throws IOException {
        Files.createDirectories(dir);
        Result result = new Result();
        Instant start = LocalDateTime.of(year, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        Instant end = LocalDateTime.of(year + 1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        long seconds = Duration.between(start, end).getSeconds();
        result.runs = runs(dir.resolve("esteira_prod.csv"), start, seconds);
        result.requests = requests(dir.resolve("log.csv"), start, seconds, requests);
        result.incidents = incidents(dir.resolve("chamados.csv"), start, seconds);
        return result;
    }

    /** About 3,000 runs a year per service, i.e. a deploy every few hours, with failure bursts. */
    private long runs(Path file, Instant start, long seconds) throws IOException {
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(
                    "run_id,service,pipeline,commit_sha,started_at,finished_at,status,environment\n");
            for (String service : SERVICES) {
                // Each service has one broken stretch of 3 to 10 days in which most runs fail.
                long burstStart = random.nextLong(seconds - 11 * 86_400L);
                long burstEnd = burstStart + (3 + random.nextInt(8)) * 86_400L;
                long t = random.nextLong(3_600);
                while (t < seconds) {
                    boolean inBurst = t >= burstStart && t < burstEnd;
                    int roll = random.nextInt(100);
                    String status =
                            inBurst
                                    ? (roll < 80 ? "failure" : roll < 90 ? "cancelled" : "success")
                                    : (roll < 8 ? "failure" : roll < 11 ? "cancelled" : "success");
                    long duration = 300 + random.nextInt(1_500);
                    rows++;
                    out.write(
                            rows
                                    + ","
                                    + service
                                    + ","
                                    + service
                                    + "-deploy,"
                                    + sha()
                                    + ","
                                    + ts(start, t)
                                    + ","
                                    + ts(start, t + duration)
                                    + ","
                                    + status
                                    + ",prod\n");
                    // Mostly every one to four hours; failing stretches retry faster.
                    t +=
                            inBurst
                                    ? 900 + random.nextInt(2_700)
                                    : 3_600 + random.nextInt(3 * 3_600 + 1_800);
                }
            }
            if (badRows) {
                out.write(
                        (rows + 1)
                                + ",checkout,checkout-deploy,"
                                + sha()
                                + ","
                                + ts(start, 7_200)
                                + ","
                                + ts(start, 3_600)
                                + ",success,prod\n");
                out.write(
                        (rows + 2)
                                + ",search,search-deploy,"
                                + sha()
                                + ","
                                + ts(start, 7_200)
                                + ","
                                + ts(start, 7_500)
                                + ",running,prod\n");
                out.write(
                        (rows + 3)
                                + ",auth,auth-deploy,"
                                + sha()
                                + ",,"
                                + ts(start, 7_500)
                                + ",failure,prod\n");
                rows += 3;
            }
        }
        return rows;
    }

    private long requests(Path file, Instant start, long seconds, long count) throws IOException {
        // Each service has two outages of one to six hours in which most answers are 5xx.
        long[][] outages = new long[SERVICES.size()][4];
        for (long[] o : outages) {
            for (int i = 0; i < 4; i += 2) {
                o[i] = random.nextLong(seconds - 7 * 3_600L);
                o[i + 1] = o[i] + (1 + random.nextInt(6)) * 3_600L;
            }
        }
        String[] endpoints = {"", "/items", "/v2/query", "/health"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,ts,service,endpoint,status_code,latency_ms\n");
            for (long id = 1; id <= count; id++) {
                long t = seconds * (id - 1) / Math.max(count, 1) + random.nextInt(60);
                int s = random.nextInt(SERVICES.size());
                boolean down =
                        (t >= outages[s][0] && t < outages[s][1])
                                || (t >= outages[s][2] && t < outages[s][3]);
                out.write(
                        id
                                + ","
                                + ts(start, Math.min(t, seconds - 1))
                                + ","
                                + SERVICES.get(s)
                                + ",/api/"
                                + SERVICES.get(s)
                                + endpoints[random.nextInt(endpoints.length)]
                                + ","
                                + status(down)
                                + ","
                                + (down ? 2_000 + random.nextInt(28_000) : 20 + random.nextInt(400))
                                + "\n");
            }
            if (badRows) {
                out.write((count + 1) + ",,payments,/api/payments,200,35\n");
                out.write((count + 2) + "," + ts(start, 86_400) + ",payments,/api/payments,0,35\n");
                return count + 2;
            }
        }
        return count;
    }

    private int status(boolean down) {
        int roll = random.nextInt(1_000);
        if (down) {
            return roll < 700 ? 503 : roll < 850 ? 500 : roll < 900 ? 504 : 200;
        }
        if (roll < 8) {
            return 500;
        }
        if (roll < 14) {
            return 503;
        }
        if (roll < 30) {
            return 429;
        }
        if (roll < 38) {
            return 499;
        }
        return roll < 70 ? 404 : roll < 120 ? 304 : 200;
    }

    /**
     * About 2,300 incidents a year; the slow group's take days, and the last weeks' may still be
     * open.
     */
    private long incidents(Path file, Instant start, long seconds) throws IOException {
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(
                    "number,caller_id,category,subcategory,u_symptom,assignment_group,incident_state,opened_at,closed_at\n");
            long t = 0;
            while (t < seconds) {
                rows++;
                String group = GROUPS.get(random.nextInt(GROUPS.size()));
                // The other groups close most within a day or so, and one in twenty takes days too.
                double hours =
                        group.equals(SLOW_GROUP)
                                ? 24 + random.nextDouble() * 168
                                : random.nextInt(20) == 0
                                        ? 36 + random.nextDouble() * 60
                                        : 1 + random.nextDouble() * 30;
                long closed = t + (long) (hours * 3_600);
                boolean open =
                        closed >= seconds || (seconds - t < 14 * 86_400L && random.nextInt(3) == 0);
                String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
                out.write(
                        String.format(
                                "INC%07d,user%04d,%s,%s-%d,%s,%s,%s,%s,%s%n",
                                rows,
                                random.nextInt(5_000),
                                category,
                                category,
                                1 + random.nextInt(3),
                                SYMPTOMS.get(random.nextInt(SYMPTOMS.size())),
                                group,
                                open ? "In Progress" : "Closed",
                                ts(start, t),
                                open ? "" : ts(start, closed)));
                t += 600 + random.nextInt(2 * 13_000);
            }
            if (badRows) {
                out.write(
                        String.format(
                                "INC%07d,user0001,security,security-1,errors,db-admins,Closed,,%s%n",
                                rows + 1, ts(start, 86_400)));
                out.write(
                        String.format(
                                "INC%07d,user0002,security,security-2,errors,db-admins,Closed,%s,%s%n",
                                rows + 2, ts(start, 2 * 86_400), ts(start, 86_400)));
                rows += 2;
            }
        }
        return rows;
    }

    private String sha() {
        return String.format("%08x%08x", random.nextInt(), random.nextInt());
    }

    private static String ts(Instant start, long second) {
        return LocalDateTime.ofEpochSecond(start.getEpochSecond() + second, 0, ZoneOffset.UTC)
                .format(TS);
    }
}
