package io.tributary.connector.delta.testutils;

import io.tributary.connector.delta.internal.S3ConditionalPut;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.DefaultPluginManager;
import org.apache.flink.core.plugin.PluginDescriptor;
import org.apache.flink.core.plugin.PluginManager;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An S3 API served in this JVM by S3Proxy over an in-memory blob store, with Flink's file systems
 * pointed at it, so {@code s3://} paths go through {@code flink-s3-fs-hadoop} as they would on AWS.
 * A JUnit extension: {@code @RegisterExtension static final InJvmS3 S3 = new InJvmS3("bucket")}
 * serves the buckets for the test class.
 */
public final class InJvmS3 implements BeforeAllCallback, AfterAllCallback {
    public static final String ACCESS_KEY = "tributary";
    public static final String SECRET_KEY = "tributary-secret";

    private final String[] buckets;
    private S3Proxy proxy;
    private CreateOnceLogStore blobs;
    private boolean faulty;
    private FaultyS3Proxy faults;

    public InJvmS3(String... buckets) {
        this.buckets = buckets.clone();
    }

    /** Clients reach the server through a {@link FaultyS3Proxy} (disarmed until a test arms it). */
    public InJvmS3 throughFaultyProxy() {
        this.faulty = true;
        return this;
    }

    /** The proxy between clients and the server; only with {@link #throughFaultyProxy}. */
    public FaultyS3Proxy faults() {
        return faults;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        BlobStoreContext store =
                ContextBuilder.newBuilder("transient")
                        .credentials("identity", "credential")
                        .build(BlobStoreContext.class);
        blobs = new CreateOnceLogStore(store.getBlobStore());
        for (String bucket : buckets) {
            blobs.createContainerInLocation(null, bucket);
        }
        proxy =
                S3Proxy.builder()
                        .blobStore(blobs)
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.onSpinWait();
        }
        int port = proxy.getPort();
        if (faulty) {
            faults = new FaultyS3Proxy(port);
            port = faults.port();
        }
        Configuration conf = new Configuration();
        conf.setString("s3.endpoint", "http://127.0.0.1:" + port);
        conf.setString("s3.path.style.access", "true");
        conf.setString("s3.access-key", ACCESS_KEY);
        conf.setString("s3.secret-key", SECRET_KEY);
        conf.setString("s3.connection.maximum", "16");
        // S3Proxy's in-memory store rejects S3A's bulk delete of directory markers after each
        // write; keeping markers (the S3A default from Hadoop 3.4 on) avoids that delete.
        conf.setString("s3.directory.marker.retention", "keep");
        FileSystem.initialize(conf, s3PluginManager(conf));
        // The log's conditional puts go through the AWS SDK, configured from the same keys.
        S3ConditionalPut.configure(conf);
    }

    /**
     * Loads flink-s3-fs-hadoop in its own class loader, as a Flink cluster's plugins/ folder does.
     */
    private static PluginManager s3PluginManager(Configuration conf) throws Exception {
        Path pluginDir = Path.of("target", "flink-plugins", "s3-fs-hadoop");
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(pluginDir)) {
            for (Path jar :
                    files.filter(f -> f.toString().endsWith(".jar")).collect(Collectors.toList())) {
                jars.add(jar.toUri().toURL());
            }
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException(
                    "No flink-s3-fs-hadoop jar in "
                            + pluginDir.toAbsolutePath()
                            + "; Maven copies it there in generate-test-resources");
        }
        return new DefaultPluginManager(
                List.of(
                        new PluginDescriptor(
                                "s3-fs-hadoop", jars.toArray(new URL[0]), new String[0])),
                CoreOptions.getPluginParentFirstLoaderPatterns(conf));
    }

    /** Keys every listing served so far has returned. */
    public long listedKeys() {
        return blobs.listedKeys();
    }

    public BlobStore blobs() {
        return blobs;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        FileSystem.initialize(new Configuration(), null);
        S3ConditionalPut.configure(new Configuration());
        if (faults != null) {
            faults.close();
        }
        proxy.stop();
    }
}
