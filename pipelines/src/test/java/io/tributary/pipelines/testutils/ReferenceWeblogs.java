package io.tributary.pipelines.testutils;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Computes the web-log answers straight from log files with regular expressions and java.time —
 * deliberately none of the pipeline's code — so the gold tables can be checked against it.
 */
public final class ReferenceWeblogs {
    private static final Pattern LINE =
            Pattern.compile(
                    "^(\\S+) (\\S+) (\\S+) \\[([^\\]]+)\\] \"((?:[^\"\\\\]|\\\\.)*)\" (\\d{3}) (\\d+|-)(?:\\s.*)?$");
    private static final Pattern REQUEST = Pattern.compile("^([A-Z_-]+) (.+?)(?: (HTTP/\\S+))?$");
    private static final Pattern FILE = Pattern.compile("\\.[A-Za-z0-9]{1,8}$");
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    public long lines;
    public long valid;
    public final Map<String, Long> requestsByIp = new HashMap<>();
    public final Map<String, Long> requestsByEndpoint = new HashMap<>();
    public final Set<LocalDate> dates = new HashSet<>();
    public final Map<String, long[]> bytesByClass = new TreeMap<>();
    public final Map<String, Long> clientErrorsByWeekday = new HashMap<>();

    public static ReferenceWeblogs of(Path dir) throws IOException {
        ReferenceWeblogs ref = new ReferenceWeblogs();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file :
                    files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                try (InputStream raw = Files.newInputStream(file);
                        InputStream in =
                                file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                        BufferedReader reader =
                                new BufferedReader(
                                        new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    reader.lines().forEach(ref::add);
                }
            }
        }
        return ref;
    }

    private void add(String line) {
        lines++;
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return;
        }
        OffsetDateTime ts;
        try {
            ts = OffsetDateTime.parse(m.group(4), TS);
        } catch (RuntimeException e) {
            return;
        }
        int status = Integer.parseInt(m.group(6));
        if (status < 100 || status > 599) {
            return;
        }
        valid++;
        long bytes = m.group(7).equals("-") ? 0 : Long.parseLong(m.group(7));
        requestsByIp.merge(m.group(1), 1L, Long::sum);
        dates.add(ts.toLocalDate());
        Matcher req = REQUEST.matcher(m.group(5).replace("\\\"", "\""));
        if (req.matches()) {
            String endpoint = req.group(2).split("\\?", 2)[0];
            if (!FILE.matcher(endpoint).find()) {
                requestsByEndpoint.merge(endpoint, 1L, Long::sum);
            }
        }
        String statusClass = (status / 100) + "xx";
        for (String key : List.of(statusClass, "all")) {
            long[] b =
                    bytesByClass.computeIfAbsent(
                            key, k -> new long[] {0, 0, Long.MIN_VALUE, Long.MAX_VALUE});
            b[0]++;
            b[1] += bytes;
            b[2] = Math.max(b[2], bytes);
            b[3] = Math.min(b[3], bytes);
        }
        if (status / 100 == 4) {
            clientErrorsByWeekday.merge(
                    ts.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    1L,
                    Long::sum);
        }
    }

    /** {@code rank,key,count} rows of the top {@code n}: count desc, key asc. */
    public static List<String> top(Map<String, Long> counts, int n) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(
                Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                        .reversed()
                        .thenComparing(Map.Entry::getKey));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(n, sorted.size()); i++) {
            rows.add((i + 1) + "," + sorted.get(i).getKey() + "," + sorted.get(i).getValue());
        }
        return rows;
    }
}
