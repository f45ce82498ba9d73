package io.tributary.udfs.benchmarks;

import io.tributary.udfs.weblogs.AccessLogParser;
import io.tributary.udfs.weblogs.ParsedLine;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Lines per second the access-log parser handles on one thread, over a mix of realistic combined
 * lines (query strings, long user agents) and a few edge cases. Run with {@code mvn -B -q -pl udfs
 * test-compile exec:exec -Pbenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AccessLogParserBenchmark {
    static final int LINES = 4096;

    private final AccessLogParser parser = new AccessLogParser();
    private String[] lines;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        List<String> sample = new ArrayList<>();
        String[] agents = {
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "curl/8.5.0",
        };
        for (int i = 0; i < LINES; i++) {
            int kind = random.nextInt(100);
            String ip =
                    random.nextInt(256) + "." + random.nextInt(256) + ".7." + random.nextInt(256);
            if (kind < 2) {
                sample.add(ip + " - - [17/May/2015:10:05:03 +0000] \"GET /a HTTP/1.1\" 200");
            } else if (kind < 4) {
                sample.add(
                        ip
                                + " - - [17/May/2015:10:05:03 +0000] \"GET /q?x=\\\"y\\\" HTTP/1.1\" 200 12 \"-\" \"a \\\"b\\\"\"");
            } else {
                sample.add(
                        ip
                                + " - - ["
                                + (10 + random.nextInt(18))
                                + "/May/2015:1"
                                + random.nextInt(10)
                                + ":05:03 +0200] \"GET /presentations/logstash-"
                                + random.nextInt(50)
                                + "/images/kibana.png?page="
                                + random.nextInt(9)
                                + " HTTP/1.1\" 200 "
                                + random.nextInt(300_000)
                                + " \"http://semicomplete.com/presentations/\" \""
                                + agents[random.nextInt(agents.length)]
                                + "\"");
            }
        }
        lines = sample.toArray(new String[0]);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void parse(Blackhole blackhole) {
        for (String line : lines) {
            ParsedLine parsed = parser.parse(line);
            blackhole.consume(parsed);
        }
    }
}
