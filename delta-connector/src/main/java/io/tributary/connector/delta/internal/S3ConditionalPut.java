package io.tributary.connector.delta.internal;

import io.delta.kernel.utils.FileStatus;
import io.tributary.connector.delta.DeltaStorageOptions;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.core.fs.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Put-if-absent for Delta log files on S3: a {@code PutObject} with {@code If-None-Match: *}, which
 * S3 (since 2024) and compatible stores answer with 412 when the object exists, atomically. That
 * makes two writers of one table safe on S3: the loser of a version gets {@link
 * FileAlreadyExistsException} and rebuilds its commit on the winner's, as on a local disk. {@code
 * flink-s3-fs-hadoop}, which writes the data files, cannot send the header.
 *
 * <p>The client is set up from the same {@code s3.*} keys of the Flink configuration as Flink's S3
 * file system ({@code s3.endpoint}, {@code s3.path.style.access}, {@code s3.access-key}, {@code
 * s3.secret-key}, and {@code s3.endpoint.region}); without keys it uses AWS's default credentials
 * (environment, profile, web identity for EKS IRSA, instance role). The keys come from the
 * cluster's configuration file, or from {@link #configure} in an embedded cluster.
 */
@Internal
public final class S3ConditionalPut {
    private static final Set<String> SCHEMES = Set.of("s3", "s3a", "s3p");
    private static final int PRECONDITION_FAILED = 412;

    /** Another conditional write of the same key was in flight: it, not this one, may win. */
    private static final int CONFLICT = 409;

    private static volatile Configuration settings;
    private static volatile S3Client client;

    private S3ConditionalPut() {}

    /**
     * Uses these settings (an embedded cluster's configuration) over the cluster's file, if there
     * is one.
     */
    public static synchronized void configure(Configuration conf) {
        Configuration merged = clusterConfiguration();
        merged.addAll(conf);
        Configuration previous = settings;
        settings = merged;
        // Every job an embedded cluster starts passes its configuration; running jobs' committers
        // keep using the client unless the S3 settings themselves changed.
        if (previous == null || !s3Keys(previous).equals(s3Keys(merged))) {
            S3Client old = client;
            client = null;
            if (old != null) {
                old.close();
            }
        }
    }

    private static Map<String, String> s3Keys(Configuration conf) {
        Map<String, String> keys = new HashMap<>(conf.toMap());
        keys.keySet().removeIf(key -> !key.startsWith("s3."));
        return keys;
    }

    static boolean appliesTo(Path target) {
        String scheme = target.toUri().getScheme();
        return scheme != null
                && SCHEMES.contains(scheme)
                && settings().get(DeltaStorageOptions.S3_CONDITIONAL_WRITES);
    }

    /**
     * Writes the object unless it exists; fails with {@link FileAlreadyExistsException} if it does.
     */
    static void put(Path target, byte[] content) throws IOException {
        URI uri = target.toUri();
        String key = uri.getPath().replaceFirst("^/", "");
        try {
            client().putObject(
                            PutObjectRequest.builder()
                                    .bucket(uri.getHost())
                                    .key(key)
                                    .ifNoneMatch("*")
                                    .build(),
                            RequestBody.fromBytes(content));
        } catch (S3Exception e) {
            if (e.statusCode() != PRECONDITION_FAILED && e.statusCode() != CONFLICT) {
                throw new IOException("Cannot write " + target + ": " + e.getMessage(), e);
            }
            // The client retries a request whose answer was lost: a retry of a put that had in fact
            // succeeded is refused as a conflict with itself. A log version holds a unique commit,
            // so the same bytes mean the version is ours.
            if (!Arrays.equals(existing(uri.getHost(), key), content)) {
                throw new FileAlreadyExistsException(target.toString());
            }
        }
    }

    static boolean isS3(Path path) {
        String scheme = path.toUri().getScheme();
        return scheme != null && SCHEMES.contains(scheme);
    }

    /**
     * The objects directly under {@code dir} whose names sort at or after {@code from}, in name
     * order, listed from there on ({@code StartAfter}) rather than from the folder's first key: a
     * snapshot load reads the log from its last checkpoint however many older entries it holds.
     *
     * @throws FileNotFoundException when nothing at all is under {@code dir}
     */
    static List<FileStatus> listFrom(Path dir, String from) throws IOException {
        URI uri = dir.toUri();
        String prefix = uri.getPath().replaceFirst("^/", "").replaceAll("/*$", "/");
        List<FileStatus> found = new ArrayList<>();
        try {
            ListObjectsV2Request.Builder request =
                    ListObjectsV2Request.builder()
                            .bucket(uri.getHost())
                            .prefix(prefix)
                            .delimiter("/");
            if (!from.isEmpty()) {
                request.startAfter(prefix + justBefore(from));
            }
            for (ListObjectsV2Response page : client().listObjectsV2Paginator(request.build())) {
                for (S3Object object : page.contents()) {
                    String name = object.key().substring(prefix.length());
                    if (name.compareTo(from) >= 0) {
                        found.add(
                                FileStatus.of(
                                        uri.getScheme()
                                                + "://"
                                                + uri.getHost()
                                                + "/"
                                                + object.key(),
                                        object.size(),
                                        object.lastModified().toEpochMilli()));
                    }
                }
            }
            if (found.isEmpty()
                    && client().listObjectsV2(
                                            ListObjectsV2Request.builder()
                                                    .bucket(uri.getHost())
                                                    .prefix(prefix)
                                                    .maxKeys(1)
                                                    .build())
                                    .keyCount()
                            == 0) {
                throw new FileNotFoundException("No such directory: " + dir);
            }
        } catch (S3Exception e) {
            throw new IOException(
                    "Cannot list " + dir + " from " + from + ": " + e.getMessage(), e);
        }
        return found;
    }

    /**
     * A key that sorts just before {@code name} among Delta log names ({@code [0-9a-z._-]}), for
     * {@code StartAfter}, which excludes the key it names.
     */
    private static String justBefore(String name) {
        char last = name.charAt(name.length() - 1);
        return name.substring(0, name.length() - 1) + (char) (last - 1) + '\u007f';
    }

    /** The object's bytes, or none when it cannot be read (a conflicting write still in flight). */
    private static byte[] existing(String bucket, String key) {
        try {
            return client().getObjectAsBytes(
                            GetObjectRequest.builder().bucket(bucket).key(key).build())
                    .asByteArray();
        } catch (S3Exception e) {
            return new byte[0];
        }
    }

    private static Configuration settings() {
        Configuration current = settings;
        if (current == null) {
            current = clusterConfiguration();
            settings = current;
        }
        return current;
    }

    private static Configuration clusterConfiguration() {
        return System.getenv("FLINK_CONF_DIR") == null
                ? new Configuration()
                : GlobalConfiguration.loadConfiguration();
    }

    private static synchronized S3Client client() {
        if (client == null) {
            client = build(settings());
        }
        return client;
    }

    private static S3Client build(Configuration s3) {
        S3ClientBuilder builder =
                S3Client.builder()
                        .httpClient(ApacheHttpClient.create())
                        // S3-compatible stores reject the SDK's default trailing checksums.
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                        .region(Region.of(s3.getString("s3.endpoint.region", regionOrDefault())))
                        .forcePathStyle(
                                Boolean.parseBoolean(s3.getString("s3.path.style.access", "false")))
                        .credentialsProvider(credentials(s3));
        String endpoint = s3.getString("s3.endpoint", null);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(
                    URI.create(endpoint.contains("://") ? endpoint : "https://" + endpoint));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(Configuration s3) {
        String accessKey = s3.getString("s3.access-key", s3.getString("s3.access.key", null));
        String secretKey = s3.getString("s3.secret-key", s3.getString("s3.secret.key", null));
        if (accessKey != null && secretKey != null) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(accessKey, secretKey));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static String regionOrDefault() {
        String region = System.getenv("AWS_REGION");
        return region == null || region.isBlank() ? "us-east-1" : region;
    }
}
