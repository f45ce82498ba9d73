package io.tributary.serve;

import com.sun.net.httpserver.HttpServer;
import io.tributary.pipelines.metrics.MetricsPipeline;
import io.tributary.pipelines.runtime.LakeCatalog;
import io.tributary.serve.internal.LakeView;
import io.tributary.serve.internal.ServiceRoutes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ReadableConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics and SLA service over a lake: it reads the lake once before it listens, then again
 * every {@link ServeOptions#REFRESH_INTERVAL} (only the tables whose version changed), and answers
 * from memory. Closing it stops the listener and the refresh.
 *
 * <pre>{@code
 * try (MetricsService service = MetricsService.start(conf)) {
 *     System.out.println("listening on " + service.port());
 *     ...
 * }
 * }</pre>
 */
@PublicEvolving
public final class MetricsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsService.class);

    static {
        // The JDK server writes an answer's headers and body apart; with Nagle's algorithm on,
        // the body waits for the client's delayed ACK, 40 ms on Linux, on every keep-alive
        // request. Read once, when the server's configuration class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService refresher;
    private final LakeView lake;

    private MetricsService(
            HttpServer server,
            ExecutorService workers,
            ScheduledExecutorService refresher,
            LakeView lake) {
        this.server = server;
        this.workers = workers;
        this.refresher = refresher;
        this.lake = lake;
    }

    public static MetricsService start(ReadableConfig conf) throws IOException {
        MetricsPipeline pipeline = MetricsPipeline.fromConfig(conf);
        LakeView lake = new LakeView(LakeCatalog.lakeRoot(conf), pipeline);
        lake.refresh();
        HttpServer server =
                HttpServer.create(
                        new InetSocketAddress(
                                conf.get(ServeOptions.BIND_ADDRESS), conf.get(ServeOptions.PORT)),
                        128);
        ExecutorService workers = Executors.newFixedThreadPool(conf.get(ServeOptions.THREADS));
        server.setExecutor(workers);
        server.createContext("/", ServiceRoutes.of(lake, pipeline));
        ScheduledExecutorService refresher =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "tributary-serve-refresh");
                            t.setDaemon(true);
                            return t;
                        });
        long every = conf.get(ServeOptions.REFRESH_INTERVAL).toMillis();
        refresher.scheduleWithFixedDelay(
                () -> {
                    try {
                        lake.refresh();
                    } catch (RuntimeException e) {
                        LOG.warn("Reading the lake failed; answering from the previous read", e);
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
        server.start();
        return new MetricsService(server, workers, refresher, lake);
    }

    /** The port it listens on (the one chosen when {@link ServeOptions#PORT} was 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Reads the lake's changed tables now, rather than at the next interval. */
    public void refresh() {
        lake.refresh();
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        server.stop(0);
        workers.shutdownNow();
    }
}
