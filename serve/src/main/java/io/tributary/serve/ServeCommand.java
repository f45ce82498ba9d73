package io.tributary.serve;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.runtime.LakeCatalog;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.PluginUtils;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tributary serve}: runs the metrics and SLA service until stopped. */
@Internal
@Command(
        name = "serve",
        description =
                "Serve the metrics lake over HTTP: window statistics, metadata, forecasts and the "
                        + "SLA manager (GET /openapi.yaml lists the routes; / is a status page).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "The port to listen on (default: tributary.serve.port, 8080).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        Logging.configure(common.verbose);
        // The service's own log (start, failed lake reads, failed requests) stays on.
        Configurator.setLevel("io.tributary.serve", Level.INFO);
        Configuration conf = common.configuration();
        if (port != null) {
            conf.set(ServeOptions.PORT, port);
        }
        // s3:// goes through Flink's file systems, as in the jobs: the S3 plugin of the image
        // (FLINK_PLUGINS_DIR) with the profile's s3.* settings.
        FileSystem.initialize(conf, PluginUtils.createPluginManagerFromRootFolder(conf));
        CountDownLatch stopped = new CountDownLatch(1);
        try (MetricsService service = MetricsService.start(conf)) {
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        service.close();
                                        stopped.countDown();
                                    }));
            System.out.printf(
                    "tributary serve: listening on http://%s:%d/ over the lake %s (Ctrl-C stops)%n",
                    conf.get(ServeOptions.BIND_ADDRESS),
                    service.port(),
                    LakeCatalog.lakeRoot(conf));
            System.out.flush();
            stopped.await();
        }
        return 0;
    }
}
