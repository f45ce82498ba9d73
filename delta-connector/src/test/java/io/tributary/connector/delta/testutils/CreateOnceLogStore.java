package io.tributary.connector.delta.testutils;

import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

import java.util.regex.Pattern;

/**
 * The in-memory blob store behind {@link InJvmS3}, made to keep the one promise of AWS S3 that
 * S3Proxy does not: a conditional put of a Delta log version is atomic. S3Proxy checks
 * If-None-Match and then stores the object, so two simultaneous puts can both pass the check;
 * here the second store of an existing log version fails (S3Proxy answers it with an error, the
 * writer's commit fails loudly and its job retries). Nothing else is changed.
 */
final class CreateOnceLogStore extends ForwardingBlobStore {
    private static final Pattern LOG_VERSION = Pattern.compile(".*_delta_log/\\d{20}\\.json");

    CreateOnceLogStore(BlobStore delegate) {
        super(delegate);
    }

    @Override
    public String putBlob(String container, Blob blob) {
        return putBlob(container, blob, PutOptions.NONE);
    }

    @Override
    public synchronized String putBlob(String container, Blob blob, PutOptions options) {
        String name = blob.getMetadata().getName();
        if (LOG_VERSION.matcher(name).matches() && delegate().blobExists(container, name)) {
            throw new IllegalStateException("Delta log version " + name + " exists already");
        }
        return delegate().putBlob(container, blob, options);
    }
}
